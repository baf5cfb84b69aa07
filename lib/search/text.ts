import 'server-only'
import { and, eq, inArray, not, or, sql, type SQL } from 'drizzle-orm'
import { comments, tickets, users } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { visibleComments } from '@/lib/authz/visibility'
import { TICKET_NUMBER_MAX } from '@/lib/tickets/schemas'
import type { SearchQuery } from './query'

// Full-text search in Postgres (identical on PGlite): the generated `search_vector` columns
// of tickets (title A, description B) and comments (migration 0016), 'simple' configuration,
// accents folded by helpdesk_unaccent on both sides. A word may be in the title, the
// description or any comment the viewer may see — each word is matched on its own, so
// "flickers monitor" finds a ticket whose title says "monitor" and whose reply says "flickers".

const ticketVector = sql`${tickets}.search_vector`
const commentVector = sql`${comments}.search_vector`

const wordQuery = (w: string) => sql`plainto_tsquery('simple'::regconfig, helpdesk_unaccent(${w}))`
const phraseQuery = (p: string) => sql`phraseto_tsquery('simple'::regconfig, helpdesk_unaccent(${p}))`

/** Whether a term is in the ticket or in a comment of it the viewer may see (an internal note only for staff). */
function termMatches(ctx: Ctx, q: SQL): SQL {
  return sql`(${ticketVector} @@ ${q} or exists (select 1 from ${comments} where ${and(
    eq(comments.organizationId, tickets.organizationId), eq(comments.ticketId, tickets.id), visibleComments(ctx),
  )} and ${commentVector} @@ ${q}))`
}

/** A word that is a ticket number (#42 or 42), or a requester's email, matches that too. */
function wordPredicate(ctx: Ctx, w: string): SQL {
  const alternatives: SQL[] = [termMatches(ctx, wordQuery(w))]
  const n = Number(w.replace(/^#/, ''))
  if (/^#?\d+$/.test(w) && Number.isInteger(n) && n > 0 && n <= TICKET_NUMBER_MAX) alternatives.push(eq(tickets.number, n))
  if (w.includes('@')) {
    alternatives.push(sql`exists (select 1 from ${users} sr where sr.id = ${tickets.requesterId} and lower(sr.email) = ${w.toLowerCase()})`)
  }
  return alternatives.length === 1 ? alternatives[0]! : or(...alternatives)!
}

/** Words with no searchable content ("-", "…") are not terms: plainto_tsquery would make them match nothing. */
const searchable = (s: string) => /[\p{L}\p{N}]/u.test(s)

/** The text part of a search as one predicate over `tickets`, or undefined when there is none. */
export function textPredicate(ctx: Ctx, q: Pick<SearchQuery, 'words' | 'phrases' | 'excluded'>): SQL | undefined {
  const parts: SQL[] = [
    ...q.words.filter(searchable).map((w) => wordPredicate(ctx, w)),
    ...q.phrases.filter(searchable).map((p) => termMatches(ctx, phraseQuery(p))),
    ...q.excluded.filter(searchable).map((e) => not(termMatches(ctx, wordQuery(e)))),
  ]
  return parts.length ? and(...parts) : undefined
}

export const hasText = (q: Pick<SearchQuery, 'words' | 'phrases'>) => q.words.some(searchable) || q.phrases.some(searchable)

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
  const terms = [...q.words.filter(searchable).map(wordQuery), ...q.phrases.filter(searchable).map(phraseQuery)]
  if (!ticketIds.length || !terms.length) return new Map()
  const anyTerm = sql.join(terms, sql` || `)
  const opts = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=18, MinWords=6, ShortWord=2, MaxFragments=1, FragmentDelimiter=" … "`
  const title = sql`to_tsvector('simple'::regconfig, helpdesk_unaccent(${tickets.title}))`
  const description = sql`to_tsvector('simple'::regconfig, helpdesk_unaccent(${tickets.description}))`
  const rows = await db.select({
    id: tickets.id,
    inTitle: sql<boolean>`${title} @@ (${anyTerm})`,
    inDescription: sql<boolean>`${description} @@ (${anyTerm})`,
    title: sql<string>`ts_headline('simple'::regconfig, ${tickets.title}, ${anyTerm}, ${opts})`,
    description: sql<string>`ts_headline('simple'::regconfig, ${tickets.description}, ${anyTerm}, ${opts})`,
    comment: sql<{ body: string; internal: boolean } | null>`(select json_build_object('body', ts_headline('simple'::regconfig, c.body, ${anyTerm}, ${opts}), 'internal', c.internal)
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
