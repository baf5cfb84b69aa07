-- Full-text search over tickets and their conversation (issue 14). Written by hand: the
-- search vectors are not in the Drizzle schema on purpose, so `select` of a whole ticket or
-- comment never ships a vector; queries name them in SQL (lib/search/text.ts). The schema
-- snapshot of this migration is therefore the previous one.
-- unaccent and btree_gin ship with Postgres (trusted extensions since 13) and with PGlite,
-- which loads them in db/pglite-extensions.ts.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
-- unaccent() is only STABLE (its dictionary could change); a generated column needs an
-- IMMUTABLE function, so the dictionary is named explicitly in a wrapper.
CREATE FUNCTION helpdesk_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;--> statement-breakpoint
-- 'simple': lower-cased words without stemming, the same for every language; accents folded.
ALTER TABLE "tickets" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple'::regconfig, helpdesk_unaccent("title")), 'A') ||
  setweight(to_tsvector('simple'::regconfig, helpdesk_unaccent("description")), 'B')) STORED;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  to_tsvector('simple'::regconfig, helpdesk_unaccent("body"))) STORED;--> statement-breakpoint
-- Leading with the organisation (btree_gin), so one org's search never walks another's postings.
CREATE INDEX "tickets_search_idx" ON "tickets" USING gin ("organization_id", "search_vector");--> statement-breakpoint
CREATE INDEX "comments_search_idx" ON "comments" USING gin ("organization_id", "search_vector");
