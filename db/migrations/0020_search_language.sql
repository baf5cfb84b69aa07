-- A search language per organisation (issue 14): stemming for the org's language
-- ("flickering" finds "flickers" in English), on top of the exact words of 'simple'.
-- Each row carries the text search configuration its vector was built with, so the vector
-- stays a generated column (to_tsvector(regconfig, text) is immutable); a BEFORE INSERT
-- trigger copies it from the organisation's settings, and changing the language re-indexes
-- the org's rows in batches (lib/search/reindex.ts). Generated columns are computed after
-- BEFORE triggers, so a new row's vector uses the configuration the trigger chose.
ALTER TABLE "tickets" ADD COLUMN "search_config" regconfig NOT NULL DEFAULT 'simple';--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "search_config" regconfig NOT NULL DEFAULT 'simple';--> statement-breakpoint
-- The org's language, or 'simple' when it names no installed configuration.
CREATE FUNCTION helpdesk_search_config() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_config := coalesce((SELECT c.oid::regconfig FROM organizations o JOIN pg_ts_config c ON c.cfgname = o.settings->>'searchLanguage'
    WHERE o.id = NEW.organization_id), 'simple'::regconfig);
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER tickets_search_config BEFORE INSERT ON "tickets" FOR EACH ROW EXECUTE FUNCTION helpdesk_search_config();--> statement-breakpoint
CREATE TRIGGER comments_search_config BEFORE INSERT ON "comments" FOR EACH ROW EXECUTE FUNCTION helpdesk_search_config();--> statement-breakpoint
-- A text's words for search: stemmed in the row's language and, for any language but
-- 'simple', also as written — so stop words and exact forms still match (the query side
-- ORs the same two, lib/search/text.ts).
CREATE FUNCTION helpdesk_search_words(cfg regconfig, body text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT CASE WHEN cfg = 'simple'::regconfig THEN to_tsvector('simple'::regconfig, helpdesk_unaccent(body))
    ELSE to_tsvector(cfg, helpdesk_unaccent(body)) || to_tsvector('simple'::regconfig, helpdesk_unaccent(body)) END $$;--> statement-breakpoint
DROP INDEX "tickets_search_idx";--> statement-breakpoint
DROP INDEX "comments_search_idx";--> statement-breakpoint
ALTER TABLE "tickets" DROP COLUMN "search_vector";--> statement-breakpoint
ALTER TABLE "comments" DROP COLUMN "search_vector";--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(helpdesk_search_words("search_config", "title"), 'A') ||
  setweight(helpdesk_search_words("search_config", "description"), 'B')) STORED;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  helpdesk_search_words("search_config", "body")) STORED;--> statement-breakpoint
CREATE INDEX "tickets_search_idx" ON "tickets" USING gin ("organization_id", "search_vector");--> statement-breakpoint
CREATE INDEX "comments_search_idx" ON "comments" USING gin ("organization_id", "search_vector");
