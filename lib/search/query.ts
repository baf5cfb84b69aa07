import { ticketPriorities, ticketStatuses, type TicketPriority, type TicketStatus } from '@/db/enums'

// The search language of the one search box (issue 14):
//   status:open,pending priority:high assignee:me team:"Field Engineering" requester:ann@x.org
//   tag:vpn category:Billing created>2026-01-01 updated<7d sla:breached is:sensitive
//   "exact phrase" -excluded words
// One parser and one printer, shared by the box and the filter controls, so the two never
// disagree: a control edits the query object and the box shows printSearch of it.
// Client-safe: no database imports (the browser parses as the person types).

export const slaFilters = ['on_track', 'at_risk', 'breached', 'paused', 'met'] as const
export type SlaFilter = (typeof slaFilters)[number]
export const isFilters = ['sensitive', 'unassigned', 'open'] as const
export type IsFilter = (typeof isFilters)[number]

/** `created>2026-01-01` (a calendar day in the viewer's zone) or `updated<7d` (an age: h, d, w). */
export type DateBound =
  | { op: '>' | '>=' | '<' | '<='; day: string }
  | { op: '>' | '>=' | '<' | '<='; ago: { n: number; unit: 'h' | 'd' | 'w' } }

export type SearchQuery = {
  /** Words every match must contain (any order), phrases it must contain as written, words it must not. */
  words: string[]
  phrases: string[]
  excluded: string[]
  status: TicketStatus[]
  priority: TicketPriority[]
  /** `me`, `none`, or an email. */
  assignee: string[]
  /** Team names, or `none`. */
  team: string[]
  requester: string[]
  tag: string[]
  category: string[]
  sla: SlaFilter[]
  is: IsFilter[]
  created: DateBound[]
  updated: DateBound[]
}

export type SearchError = { token: string; message: string }
export type ParseResult = { ok: true; query: SearchQuery } | { ok: false; query: SearchQuery; errors: SearchError[] }

type ListKey = 'status' | 'priority' | 'assignee' | 'team' | 'requester' | 'tag' | 'category' | 'sla' | 'is'
const listKeys: readonly ListKey[] = ['status', 'priority', 'assignee', 'team', 'requester', 'tag', 'category', 'sla', 'is']
const dateKeys = ['created', 'updated'] as const
type DateKey = (typeof dateKeys)[number]

/** The values a key accepts, where they are a fixed list (the rest take names, emails or tags). */
const allowed: Partial<Record<ListKey, readonly string[]>> = {
  status: ticketStatuses, priority: ticketPriorities, sla: slaFilters, is: isFilters,
}

export const emptyQuery = (): SearchQuery => ({
  words: [], phrases: [], excluded: [], status: [], priority: [], assignee: [], team: [], requester: [],
  tag: [], category: [], sla: [], is: [], created: [], updated: [],
})

/** Words with no searchable content ("-", "…") are not terms: plainto_tsquery would make them match nothing. */
export const searchable = (s: string) => /[\p{L}\p{N}]/u.test(s)

/** Whether a query has words or phrases to match (not only filter tokens). */
export const hasText = (q: Pick<SearchQuery, 'words' | 'phrases'>) => q.words.some(searchable) || q.phrases.some(searchable)

/** Most words and values a query may hold: a pasted essay is refused, not silently cut. */
export const MAX_TERMS = 30
export const MAX_TERM_LENGTH = 100

/** Splits on whitespace outside double quotes; `key:"two words"` and `"a phrase"` stay whole. */
function tokenize(input: string): { tokens: string[]; unterminated: string | null } {
  const tokens: string[] = []
  let cur = ''
  let quoted = false
  let started = false
  for (const ch of input) {
    if (ch === '"') { quoted = !quoted; cur += ch; started = true; continue }
    if (!quoted && /\s/.test(ch)) {
      if (started) tokens.push(cur)
      cur = ''
      started = false
      continue
    }
    cur += ch
    started = true
  }
  if (quoted) return { tokens, unterminated: cur }
  if (started) tokens.push(cur)
  return { tokens, unterminated: null }
}

const unquote = (v: string) => (v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v)

/** Splits `a,"b, c",d` on commas outside quotes. */
function splitValues(raw: string): string[] {
  const out: string[] = []
  let cur = ''
  let quoted = false
  for (const ch of raw) {
    if (ch === '"') { quoted = !quoted; cur += ch; continue }
    if (ch === ',' && !quoted) { out.push(cur); cur = ''; continue }
    cur += ch
  }
  out.push(cur)
  // Quotes only group; a stray one inside a value is dropped rather than kept half-meaning something.
  return out.map((v) => v.replace(/"/g, '').trim())
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const AGO = /^(\d{1,4})([hdw])$/

function parseDate(raw: string): { day: string } | { ago: { n: number; unit: 'h' | 'd' | 'w' } } | null {
  const d = DAY.exec(raw)
  if (d) {
    const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])]
    const date = new Date(Date.UTC(y, m - 1, day))
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== day) return null
    return { day: raw }
  }
  const a = AGO.exec(raw)
  if (a && Number(a[1]) > 0) return { ago: { n: Number(a[1]), unit: a[2] as 'h' | 'd' | 'w' } }
  return null
}

const addUnique = <T>(list: T[], v: T) => { if (!list.includes(v)) list.push(v) }

/**
 * Parses the search box. Every problem is reported, each with the token it is about, and
 * the query still holds everything that parsed, so the controls can show it.
 */
export function parseSearch(input: string): ParseResult {
  const query = emptyQuery()
  const errors: SearchError[] = []
  const { tokens, unterminated } = tokenize(input)
  if (unterminated !== null) errors.push({ token: unterminated, message: 'A quote is not closed: add the closing "' })
  let terms = 0
  for (const token of tokens) {
    if (++terms > MAX_TERMS) {
      errors.push({ token, message: `Use at most ${MAX_TERMS} words and filters in one search` })
      break
    }
    const negated = token.startsWith('-') && token.length > 1
    const body = negated ? token.slice(1) : token
    const filter = /^([a-z]+)(:|>=|<=|>|<)(.*)$/i.exec(body)
    if (filter && !body.startsWith('"')) {
      const key = filter[1]!.toLowerCase()
      const op = filter[2]!
      const raw = filter[3]!
      if (negated) { errors.push({ token, message: `Filters cannot be excluded; remove the "-" before ${key}` }); continue }
      if ((dateKeys as readonly string[]).includes(key)) {
        if (op === ':') { errors.push({ token, message: `Compare dates with > or <, e.g. ${key}>2026-01-01 or ${key}<7d` }); continue }
        const bound = parseDate(raw)
        if (!bound) { errors.push({ token, message: `"${raw}" is not a date: use YYYY-MM-DD, or an age like 7d, 12h, 2w` }); continue }
        query[key as DateKey].push({ op: op as DateBound['op'], ...bound } as DateBound)
        continue
      }
      if (!(listKeys as readonly string[]).includes(key)) {
        errors.push({ token, message: `Unknown filter "${key}". Use ${[...listKeys, ...dateKeys].join(', ')}` })
        continue
      }
      if (op !== ':') { errors.push({ token, message: `Use ${key}:value; only dates compare with > and <` }); continue }
      const values = splitValues(raw)
      if (values.some((v) => v === '')) { errors.push({ token, message: `Give ${key} a value, e.g. ${key}:${allowed[key as ListKey]?.[0] ?? 'name'}` }); continue }
      const fixed = allowed[key as ListKey]
      for (const value of values) {
        const v = fixed || key === 'assignee' || key === 'requester' ? value.toLowerCase() : value
        if (v.length > MAX_TERM_LENGTH) { errors.push({ token, message: `Keep each value under ${MAX_TERM_LENGTH} characters` }); continue }
        if (fixed && !fixed.includes(v)) { errors.push({ token, message: `Unknown ${key} "${value}". Use ${fixed.join(', ')}` }); continue }
        addUnique(query[key as ListKey] as string[], v)
      }
      continue
    }
    const quoted = body.startsWith('"') && body.endsWith('"') && body.length >= 2
    // Quotes group words into a phrase; once grouped, the quotes themselves are not searched for.
    const text = (quoted ? unquote(body) : body).replace(/"/g, '').replace(/\s+/g, ' ').trim()
    if (!text) continue
    if (text.length > MAX_TERM_LENGTH) { errors.push({ token, message: `Keep each word or phrase under ${MAX_TERM_LENGTH} characters` }); continue }
    const phrase = text.includes(' ')
    if (negated) addUnique(query.excluded, text)
    else if (phrase) addUnique(query.phrases, text)
    else addUnique(query.words, text)
  }
  return errors.length ? { ok: false, query, errors } : { ok: true, query }
}

/** Quotes what would otherwise read as something else: spaces, commas, a filter's colon, a leading minus. */
const quoteIfNeeded = (v: string) => (/[\s,":<>]/.test(v) || v.startsWith('-') || v === '' ? `"${v.replace(/"/g, '')}"` : v)

/** The canonical text of a query: what the box shows after a control changes the query. */
export function printSearch(q: SearchQuery): string {
  const parts: string[] = []
  for (const key of listKeys) {
    const values = q[key] as string[]
    if (values.length) parts.push(`${key}:${values.map(quoteIfNeeded).join(',')}`)
  }
  for (const key of dateKeys) {
    for (const b of q[key]) parts.push(`${key}${b.op}${'day' in b ? b.day : `${b.ago.n}${b.ago.unit}`}`)
  }
  for (const p of q.phrases) parts.push(`"${p.replace(/"/g, '')}"`)
  for (const w of q.words) parts.push(quoteIfNeeded(w))
  for (const w of q.excluded) parts.push(`-${quoteIfNeeded(w)}`)
  return parts.join(' ')
}
