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
--> statement-breakpoint
-- The conversation's words on the ticket itself, so a search is answered from tickets'
-- GIN indexes alone (a BitmapAnd of each word's BitmapOr over title/description, public
-- replies and internal notes) instead of probing comments ticket by ticket: a rare word
-- scanned the whole org (1.3 s at 600,000 tickets), a word common in replies took 7 s.
-- Public replies and internal notes are kept apart, so a requester's search never reads a
-- note's words. Maintained by triggers on comments: an insert appends its vector (tsvector
-- concatenation shifts positions, so a phrase does not run across two comments); a change
-- of body, visibility or ticket, or a delete, rebuilds the tickets concerned.
CREATE AGGREGATE helpdesk_tsvector_agg(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "reply_vector" tsvector NOT NULL DEFAULT ''::tsvector;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "note_vector" tsvector NOT NULL DEFAULT ''::tsvector;--> statement-breakpoint
CREATE FUNCTION helpdesk_rebuild_conversation(org uuid, ticket uuid) RETURNS void LANGUAGE sql AS $$
  UPDATE tickets SET
    reply_vector = coalesce((SELECT helpdesk_tsvector_agg(c.search_vector ORDER BY c.created_at, c.id) FROM comments c
      WHERE c.organization_id = org AND c.ticket_id = ticket AND NOT c.internal), ''::tsvector),
    note_vector = coalesce((SELECT helpdesk_tsvector_agg(c.search_vector ORDER BY c.created_at, c.id) FROM comments c
      WHERE c.organization_id = org AND c.ticket_id = ticket AND c.internal), ''::tsvector)
  WHERE organization_id = org AND id = ticket
$$;--> statement-breakpoint
CREATE FUNCTION helpdesk_comment_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- A tsvector holds under 1 MB: past 100,000 distinct words a conversation's later
    -- comments are no longer added to it (search finds the ticket by its earlier words).
    IF NEW.internal THEN
      UPDATE tickets SET note_vector = note_vector || NEW.search_vector
        WHERE organization_id = NEW.organization_id AND id = NEW.ticket_id AND length(note_vector) < 100000;
    ELSE
      UPDATE tickets SET reply_vector = reply_vector || NEW.search_vector
        WHERE organization_id = NEW.organization_id AND id = NEW.ticket_id AND length(reply_vector) < 100000;
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.search_vector IS NOT DISTINCT FROM OLD.search_vector AND NEW.internal = OLD.internal AND NEW.ticket_id = OLD.ticket_id THEN
    RETURN NULL;
  END IF;
  PERFORM helpdesk_rebuild_conversation(OLD.organization_id, OLD.ticket_id);
  IF TG_OP = 'UPDATE' AND NEW.ticket_id <> OLD.ticket_id THEN
    PERFORM helpdesk_rebuild_conversation(NEW.organization_id, NEW.ticket_id);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER comments_search AFTER INSERT OR UPDATE OR DELETE ON "comments" FOR EACH ROW EXECUTE FUNCTION helpdesk_comment_search();--> statement-breakpoint
UPDATE "tickets" t SET reply_vector = coalesce(c.replies, ''::tsvector), note_vector = coalesce(c.notes, ''::tsvector)
  FROM (SELECT organization_id, ticket_id,
      helpdesk_tsvector_agg(search_vector ORDER BY created_at, id) FILTER (WHERE NOT internal) AS replies,
      helpdesk_tsvector_agg(search_vector ORDER BY created_at, id) FILTER (WHERE internal) AS notes
    FROM comments GROUP BY organization_id, ticket_id) c
  WHERE t.organization_id = c.organization_id AND t.id = c.ticket_id;--> statement-breakpoint
CREATE INDEX "tickets_reply_search_idx" ON "tickets" USING gin ("organization_id", "reply_vector");--> statement-breakpoint
CREATE INDEX "tickets_note_search_idx" ON "tickets" USING gin ("organization_id", "note_vector");
