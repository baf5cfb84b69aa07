import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { ticketPriorities, ticketStatuses } from '@/db/enums'
import { emptyQuery, isFilters, MAX_TERMS, parseSearch, printSearch, slaFilters, type DateBound, type SearchQuery } from './query'

const parsed = (s: string) => {
  const r = parseSearch(s)
  if (!r.ok) throw new Error(`expected ${s} to parse: ${JSON.stringify(r.errors)}`)
  return r.query
}
const errorsOf = (s: string) => {
  const r = parseSearch(s)
  return r.ok ? [] : r.errors
}

describe('parseSearch', () => {
  it('reads the example from the issue, every filter and text kind', () => {
    const q = parsed('status:open,pending priority:high assignee:me assignee:none team:"Field Engineering" requester:Ann@X.org tag:vpn category:Billing created>2026-01-01 updated<7d sla:breached is:sensitive "exact  phrase" -excluded monitor flickers')
    expect(q).toEqual({
      ...emptyQuery(),
      status: ['open', 'pending'], priority: ['high'], assignee: ['me', 'none'], team: ['Field Engineering'],
      requester: ['ann@x.org'], tag: ['vpn'], category: ['Billing'], sla: ['breached'], is: ['sensitive'],
      created: [{ op: '>', day: '2026-01-01' }], updated: [{ op: '<', ago: { n: 7, unit: 'd' } }],
      phrases: ['exact phrase'], excluded: ['excluded'], words: ['monitor', 'flickers'],
    })
  })

  it('takes words in any order, drops duplicates, and keeps quoted single words as words', () => {
    expect(parsed('flickers monitor flickers').words).toEqual(['flickers', 'monitor'])
    expect(parsed('"monitor"').words).toEqual(['monitor'])
    expect(parsed('"a:b" "-x"').words).toEqual(['a:b', '-x'])
    expect(parsed('#1234 1234').words).toEqual(['#1234', '1234'])
  })

  it('gives each invalid token a message naming it, and keeps what did parse', () => {
    const r = parseSearch('status:opne foo:bar created:2026-01-01 updated>2026-02-30 priority:high -tag:x "open quote')
    expect(r.ok).toBe(false)
    if (r.ok) return
    const byToken = Object.fromEntries(r.errors.map((e) => [e.token, e.message]))
    expect(byToken['status:opne']).toMatch(/Unknown status "opne"\. Use new, open/)
    expect(byToken['foo:bar']).toMatch(/Unknown filter "foo"/)
    expect(byToken['created:2026-01-01']).toMatch(/Compare dates with > or </)
    expect(byToken['updated>2026-02-30']).toMatch(/not a date/)
    expect(byToken['-tag:x']).toMatch(/cannot be excluded/)
    expect(byToken['"open quote']).toMatch(/quote is not closed/)
    expect(r.query.priority).toEqual(['high'])
  })

  it('refuses empty values, too many terms and overlong terms instead of cutting them', () => {
    expect(errorsOf('status:')[0]!.message).toMatch(/Give status a value/)
    expect(errorsOf('tag:a,,b')[0]!.message).toMatch(/Give tag a value/)
    expect(errorsOf(Array.from({ length: MAX_TERMS + 1 }, (_, i) => `w${i}`).join(' '))[0]!.message).toMatch(/at most 30/)
    expect(errorsOf('x'.repeat(101))[0]!.message).toMatch(/under 100 characters/)
    expect(errorsOf('created>0d')[0]!.message).toMatch(/not a date/)
  })

  it('an empty or blank box is the empty query', () => {
    expect(parsed('')).toEqual(emptyQuery())
    expect(parsed('   \t ')).toEqual(emptyQuery())
  })
})

// Generated queries: what the controls can produce, in canonical form.
const safeText = fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom(...'abcdéz09-_:#.,@<>'.split('')) })
  .filter((s) => !s.startsWith('-') && s.trim() === s)
const word = safeText
const phrase = fc.array(fc.string({ minLength: 1, maxLength: 6, unit: fc.constantFrom(...'abcxyz'.split('')) }), { minLength: 2, maxLength: 3 }).map((w) => w.join(' '))
const name = fc.array(fc.string({ minLength: 1, maxLength: 6, unit: fc.constantFrom(...'ABCabc.,'.split('')) }), { minLength: 1, maxLength: 2 }).map((w) => w.join(' ')).filter((s) => s.trim() === s && !s.includes(',,'))
const email = fc.constantFrom('ann@x.org', 'me', 'none', 'bob@y.test')
const bound: fc.Arbitrary<DateBound> = fc.oneof(
  fc.record({ op: fc.constantFrom('>', '<', '>=', '<=' as const), day: fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) }),
  fc.record({ op: fc.constantFrom('>', '<', '>=', '<=' as const), ago: fc.record({ n: fc.integer({ min: 1, max: 999 }), unit: fc.constantFrom('h', 'd', 'w' as const) }) }),
) as fc.Arbitrary<DateBound>
const set = <T>(a: fc.Arbitrary<T>) => fc.uniqueArray(a, { maxLength: 2, selector: (v) => JSON.stringify(v) })
const query: fc.Arbitrary<SearchQuery> = fc.record({
  words: set(word), phrases: set(phrase), excluded: set(word),
  status: fc.subarray([...ticketStatuses], { maxLength: 2 }), priority: fc.subarray([...ticketPriorities], { maxLength: 2 }),
  assignee: set(email), team: set(name), requester: set(email.filter((e) => e.includes('@'))), tag: set(safeText.filter((s) => !s.includes('"'))),
  category: set(name), sla: fc.subarray([...slaFilters], { maxLength: 2 }), is: fc.subarray([...isFilters], { maxLength: 2 }),
  created: fc.array(bound, { maxLength: 2 }), updated: fc.array(bound, { maxLength: 2 }),
}).filter((q) => {
  // Lower-cased values (assignee, requester) and dedupe make a few generated queries non-canonical.
  const n = q.words.length + q.phrases.length + q.excluded.length + Object.values(q).flat().length
  return n <= 25
})

describe('printSearch', () => {
  it('parse → print → parse gives back the same query (fast-check)', () => {
    fc.assert(fc.property(query, (q) => {
      const text = printSearch(q)
      const again = parseSearch(text)
      expect(again.ok, `${text} → ${JSON.stringify(again.ok ? '' : again.errors)}`).toBe(true)
      expect(again.query).toEqual(q)
      expect(printSearch(again.query)).toBe(text)
    }), { numRuns: 500 })
  })

  it('printing is a fixed point for whatever parses, however it was typed', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60, unit: fc.constantFrom(...'ab :,-"<>=status open tag 7d'.split('')) }), (s) => {
      const r = parseSearch(s)
      if (!r.ok) return
      const printed = printSearch(r.query)
      expect(parseSearch(printed).query).toEqual(r.query)
    }), { numRuns: 1000 })
  })
})
