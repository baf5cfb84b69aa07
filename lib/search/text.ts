import 'server-only'
import { and, eq, inArray, not, or, sql, type SQL } from 'drizzle-orm'
import { comments, tickets, users } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { isStaffRole } from '@/lib/authz/permissions'
import { visibleComments } from '@/lib/authz/visibility'
import { TICKET_NUMBER_MAX } from '@/lib/tickets/schemas'
import { searchLanguages, type SearchLanguage } from '@/db/enums'
import { hasText, searchable, type SearchQuery } from './query'

// Full-text search in Postgres (identical on PGlite): the generated `search_vector` columns
// of tickets (title A, description B) and comments (migrations 0016, 0019), built in each
// row's text search configuration — the org's language, stemmed, plus the words as written
// (helpdesk_search_words) — with accents folded by helpdesk_unaccent on both sides. A word
// may be in the title, the description or any comment the viewer may see — each word is
// matched on its own, so "flickers monitor" finds a ticket whose title says "monitor" and
// whose reply says "flickers".

const ticketVector = sql`${tickets}.search_vector`
const commentVector = sql`${comments}.search_vector`
const replyVector = sql`${tickets}.reply_vector`
const noteVector = sql`${tickets}.note_vector`

/**
 * The configurations a query is built in: the org's language and 'simple' (exact words,
 * stop words included), and while a change of language is being re-indexed the previous
 * one too, so rows not yet rebuilt keep matching. Names come from the fixed list in
 * db/enums, never from input, so they are written into the SQL as literals — the planner
 * then sees a constant query and uses the GIN index.
 */
function configsOf(ctx: Ctx): SearchLanguage[] {
  const { searchLanguage, searchLanguagePrevious } = ctx.org.settings
  const list = [searchLanguage, searchLanguagePrevious, 'simple'].filter((c): c is SearchLanguage => !!c && (searchLanguages as readonly string[]).includes(c))
  return [...new Set(list)]
}
export const searchConfigOf = (ctx: Ctx): SearchLanguage => configsOf(ctx)[0]!

const tsquery = (fn: 'plainto_tsquery' | 'phraseto_tsquery', configs: SearchLanguage[], text: string) =>
  sql`(${sql.join(configs.map((c) => sql`${sql.raw(fn)}(${sql.raw(`'${c}'`)}::regconfig, helpdesk_unaccent(${text}))`), sql` || `)})`
const wordQuery = (ctx: Ctx, w: string) => tsquery('plainto_tsquery', configsOf(ctx), w)
const phraseQuery = (ctx: Ctx, p: string) => tsquery('phraseto_tsquery', configsOf(ctx), p)

/**
 * Whether a term is in the ticket or in a comment of it the viewer may see (an internal
 * note only for staff): the conversation's words are on the ticket (reply_vector,
 * note_vector, kept by triggers on comments — migration 0019), so every alternative is a
 * GIN index condition and the planner ANDs and ORs bitmaps instead of probing comments.
 */
function termMatches(ctx: Ctx, q: SQL): SQL {
  const vectors = isStaffRole(ctx.role) ? [ticketVector, replyVector, noteVector] : [ticketVector, replyVector]
  return sql`(${sql.join(vectors.map((v) => sql`${v} @@ ${q}`), sql` or `)})`
}

/** A word that is a ticket number (#42 or 42), or a requester's email, matches that too. */
function wordPredicate(ctx: Ctx, w: string): SQL {
  const alternatives: SQL[] = [termMatches(ctx, wordQuery(ctx, w))]
  const n = Number(w.replace(/^#/, ''))
  if (/^#?\d+$/.test(w) && Number.isInteger(n) && n > 0 && n <= TICKET_NUMBER_MAX) alternatives.push(eq(tickets.number, n))
  if (w.includes('@')) {
    // An array of ids (an init plan), not EXISTS: it stays an index condition inside the OR.
    alternatives.push(sql`${tickets.requesterId} = any(array(select sr.id from ${users} sr where lower(sr.email) = ${w.toLowerCase()}))`)
  }
  return alternatives.length === 1 ? alternatives[0]! : or(...alternatives)!
}

/** The text part of a search as one predicate over `tickets`, or undefined when there is none. */
export function textPredicate(ctx: Ctx, q: Pick<SearchQuery, 'words' | 'phrases' | 'excluded'>): SQL | undefined {
  const parts: SQL[] = [
    ...q.words.filter(searchable).map((w) => wordPredicate(ctx, w)),
    ...q.phrases.filter(searchable).map((p) => termMatches(ctx, phraseQuery(ctx, p))),
    ...q.excluded.filter(searchable).map((e) => not(termMatches(ctx, wordQuery(ctx, e)))),
  ]
  return parts.length ? and(...parts) : undefined
}

export { hasText }

/** Any of the search's words or phrases, as one query (for ranking and highlighting). */
function anyTermQuery(ctx: Ctx, q: Pick<SearchQuery, 'words' | 'phrases'>): SQL | undefined {
  const terms = [...q.words.filter(searchable).map((w) => wordQuery(ctx, w)), ...q.phrases.filter(searchable).map((p) => phraseQuery(ctx, p))]
  return terms.length ? sql.join(terms, sql` || `) : undefined
}

/**
 * Relevance of a ticket to the search (§11 "sorted by relevance"): how well its title
 * (weighted highest) and description match, normalised by length; a ticket found only
 * through its conversation, a number or an email ranks 0 and follows, newest first.
 * Undefined when the search has no words.
 */
export function relevanceOf(ctx: Ctx, q: Pick<SearchQuery, 'words' | 'phrases'>): SQL<number> | undefined {
  const anyTerm = anyTermQuery(ctx, q)
  return anyTerm ? sql<number>`ts_rank(${ticketVector}, ${anyTerm}, 1)` : undefined
}

export type Snippet = { where: 'title' | 'description' | 'reply' | 'note'; text: string }

/** Marks around highlighted words in a snippet: control characters no ticket text contains. */
export const MARK_START = '\u0002'
export const MARK_END = '\u0003'

/**
 * Where each listed ticket matched, as a short highlighted excerpt: the title, else the
 * description, else the first comment the viewer may see that holds a term (a requester's
 * never an internal note). One query for the page.
 */
export async function snippetsFor(db: DbOrTx, ctx: Ctx, ticketIds: string[], q: Pick<SearchQuery, 'words' | 'phrases'>): Promise<Map<string, Snippet>> {
  const anyTerm = anyTermQuery(ctx, q)
  if (!ticketIds.length || !anyTerm) return new Map()
  const cfg = sql.raw(`'${searchConfigOf(ctx)}'::regconfig`)
  const opts = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=18, MinWords=6, ShortWord=2, MaxFragments=1, FragmentDelimiter=" … "`
  const title = sql`helpdesk_search_words(${tickets}.search_config, ${tickets.title})`
  const description = sql`helpdesk_search_words(${tickets}.search_config, ${tickets.description})`
  const rows = await db.select({
    id: tickets.id,
    inTitle: sql<boolean>`${title} @@ (${anyTerm})`,
    inDescription: sql<boolean>`${description} @@ (${anyTerm})`,
    title: sql<string>`ts_headline(${cfg}, ${tickets.title}, ${anyTerm}, ${opts})`,
    description: sql<string>`ts_headline(${cfg}, ${tickets.description}, ${anyTerm}, ${opts})`,
    comment: sql<{ body: string; internal: boolean } | null>`(select json_build_object('body', ts_headline(${cfg}, c.body, ${anyTerm}, ${opts}), 'internal', c.internal)
      from (select ${comments.body} as body, ${comments.internal} as internal from ${comments}
        where ${and(eq(comments.organizationId, tickets.organizationId), eq(comments.ticketId, tickets.id), visibleComments(ctx))} and ${commentVector} @@ (${anyTerm})
        order by ${comments.createdAt} limit 1) c)`,
  }).from(tickets).where(and(eq(tickets.organizationId, ctx.org.id), inArray(tickets.id, ticketIds)))
  const out = new Map<string, Snippet>()
  for (const r of rows) {
    if (r.inTitle) out.set(r.id, { where: 'title', text: r.title })
    else if (r.inDescription) out.set(r.id, { where: 'description', text: r.description })
    else if (r.comment) out.set(r.id, { where: r.comment.internal ? 'note' : 'reply', text: r.comment.body })
  }
  return out
}
