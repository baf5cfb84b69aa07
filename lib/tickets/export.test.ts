import { describe, expect, it } from 'vitest'
import { and, asc, desc, eq, isNull } from 'drizzle-orm'
import { ZodError } from 'zod'
import { tickets, users } from '@/db/schema'
import { ForbiddenError } from '@/lib/errors'
import { makeOrg, type TestOrg } from '@/test/factory'
import { auditCount, clear, ticketIn } from '@/test/tickets'
import { manyTickets } from '@/test/many-tickets'
import { call, tokenFor } from '@/test/api'
import type { Ctx } from '@/lib/auth/ctx-type'
import { deleteTicket } from './delete-ticket'
import { EXPORT_PAGE, exportTickets } from './export-tickets'
import { listTickets } from './list-tickets'
import { exportColumnKeys } from './export-columns'
import { statusLabels } from './workflow'

/** RFC 4180, strictly: quoted fields with "" escapes and embedded line breaks, CRLF between records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let row: string[] = []
  let i = 0
  while (i < text.length) {
    let field = ''
    if (text[i] === '"') {
      i++
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field')
        if (text[i] === '"') {
          if (text[i + 1] === '"') { field += '"'; i += 2; continue }
          i++
          break
        }
        field += text[i++]
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`bare quote in unquoted field at ${i}`)
        field += text[i++]
      }
    }
    row.push(field)
    if (text[i] === ',') { i++; continue }
    if (text.startsWith('\r\n', i)) { i += 2; records.push(row); row = []; continue }
    if (i >= text.length) { records.push(row); break }
    throw new Error(`expected , or CRLF at ${i}, got ${JSON.stringify(text[i])}`)
  }
  return records
}

/** Reads the whole stream, counting its chunks (one per page of rows, after the header). */
async function drain(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
  }
  const bytes = Buffer.concat(chunks)
  return { bytes, chunks: chunks.length, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) }
}

async function exportAs(ctx: Ctx, query: Record<string, string> = {}, columns?: string, timeZone = 'UTC', pageSize?: number) {
  const res = await exportTickets(ctx, { query, columns }, { timeZone, pageSize })
  const { text, chunks, bytes } = await drain(res.stream)
  expect(text.startsWith('\uFEFF')).toBe(true)
  const [header, ...rows] = parseCsv(text.slice(1))
  return { ...res, header, rows, chunks, bytes }
}

const numbersOf = (rows: string[][]) => rows.map((r) => Number(r[0]))

const tricky = ['=HYPERLINK("http://evil.test","click")', '+44 20 7946 0000', '-1 day', '@SUM(A1:A9)', '\tindented', '\rreturn',
  'Comma, and "quotes"', 'Two\nlines', 'Ünïcødé — “smart” ✓', 'plain']

async function seed(o: TestOrg, n: number) {
  return manyTickets(o, n, (i) => ({
    title: i < tricky.length ? tricky[i] : `Ticket ${i}`,
    priority: (['low', 'normal', 'high', 'urgent'] as const)[i % 4],
    status: (['new', 'open', 'resolved'] as const)[i % 3],
    tags: i % 5 === 0 ? ['vpn', 'floor-3'] : [],
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
  }))
}

describe('exportTickets', () => {
  it('streams a few thousand tickets in pages, and the file parses back to exactly the rows in the database', async () => {
    const o = await makeOrg()
    await seed(o, 2_600)
    const all = exportColumnKeys.join(',')
    const out = await exportAs(o.admin, { sort: 'number', dir: 'asc' }, all, 'Europe/London')
    expect([...out.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(out.filename).toMatch(new RegExp(`^tickets-${o.org.slug}-\\d{4}-\\d\\d-\\d\\d\\.csv$`))
    expect(out.header).toEqual(['Number', 'Title', 'Status', 'Priority', 'Category', 'Requester', 'Requester email', 'Assignee', 'Team', 'Tags',
      'SLA status', 'SLA due', 'Created', 'Updated', 'First response', 'Resolved', 'Closed', 'Asset or location', 'Sensitive', 'Description'])
    // Header, then one chunk per page: the export never held more than a page.
    expect(out.chunks).toBe(1 + Math.ceil(2_600 / EXPORT_PAGE))
    const db = await o.db.select({ t: tickets, requesterEmail: users.email }).from(tickets).innerJoin(users, eq(users.id, tickets.requesterId))
      .where(and(eq(tickets.organizationId, o.org.id), isNull(tickets.deletedAt))).orderBy(asc(tickets.number))
    expect(out.rows).toHaveLength(db.length)
    const col = (name: string) => out.header.indexOf(name)
    db.forEach(({ t, requesterEmail }, i) => {
      const r = out.rows[i]!
      expect(r).toHaveLength(out.header.length)
      expect(Number(r[col('Number')])).toBe(t.number)
      // Text comes back as stored, except that a formula-like start gains a leading quote.
      expect(r[col('Title')]).toBe(/^[=+\-@\t\r]/.test(t.title) ? `'${t.title}` : t.title)
      expect(r[col('Status')]).toBe(statusLabels[t.status])
      expect(r[col('Priority')]!.toLowerCase()).toBe(t.priority)
      expect(r[col('Tags')]).toBe(t.tags.join(', '))
      expect(r[col('Requester email')]).toBe(requesterEmail)
      expect(new Date(r[col('Created')]!).getTime()).toBe(Math.floor(t.createdAt.getTime() / 1000) * 1000)
      expect(r[col('Created')]).toMatch(/^2026-01-01T00:\d\d:\d\d\+00:00$/)
      expect(r[col('Description')]).toBe(t.description)
    })
    expect(out.rows.slice(0, tricky.length).map((r) => r[col('Title')])).toEqual([
      '\'=HYPERLINK("http://evil.test","click")', "'+44 20 7946 0000", "'-1 day", "'@SUM(A1:A9)", "'\tindented", "'\rreturn",
      'Comma, and "quotes"', 'Two\nlines', 'Ünïcødé — “smart” ✓', 'plain',
    ])
    expect(await auditCount(o, 'ticket.exported')).toBe(1)

    // Another sort is followed across pages too: priority (four values shared by 650 rows
    // each) is keyed by (priority, number), so no row repeats or goes missing at a page edge.
    const byPriority = await exportAs(o.admin, { sort: 'priority', dir: 'desc' }, 'number', 'UTC', 1_000)
    expect(byPriority.chunks).toBe(1 + 3)
    const expected = await o.db.select({ number: tickets.number }).from(tickets)
      .where(and(eq(tickets.organizationId, o.org.id), isNull(tickets.deletedAt))).orderBy(desc(tickets.priority), desc(tickets.number))
    expect(numbersOf(byPriority.rows)).toEqual(expected.map((r) => r.number))
  }, 120_000)

  it('comes in the list\'s order for every sort, the same rows the list pages through', async () => {
    const o = await makeOrg()
    await seed(o, 60)
    for (const [sort, dir] of [['title', 'asc'], ['priority', 'desc'], ['status', 'asc'], ['created', 'desc'], ['requester', 'asc'], ['due', 'asc'], ['updated', 'desc']] as const) {
      const listed: number[] = []
      let after: string | null | undefined
      do {
        const page = await listTickets(o.agent, { sort, dir, ...(after ? { after } : {}) })
        listed.push(...page.rows.map((r) => r.number))
        after = page.next
      } while (after)
      const out = await exportAs(o.agent, { sort, dir }, 'number')
      expect(numbersOf(out.rows), `${sort} ${dir}`).toEqual(listed)
    }
    // A search sorted by relevance exports its matches newest first.
    const searched = await exportAs(o.agent, { q: 'Ticket' }, 'number')
    expect(numbersOf(searched.rows)).toEqual([...numbersOf(searched.rows)].sort((a, b) => b - a))
    expect(searched.rows.length).toBeGreaterThan(40)
  })

  it('exports the current filters and search, in the viewer\'s time zone, with the columns chosen', async () => {
    const o = await makeOrg()
    const rows = await seed(o, 30)
    const out = await exportAs(o.agent, { priority: 'urgent', status: 'new', sort: 'title', after: 'garbage' }, 'number,created,priority', 'America/New_York')
    const expected = rows.filter((t) => t.priority === 'urgent' && t.status === 'new').map((t) => t.number)
    expect(expected.length).toBeGreaterThan(0)
    expect(out.header).toEqual(['Number', 'Created', 'Priority'])
    expect(numbersOf(out.rows)).toEqual(expected)
    // 1 Jan 00:00 UTC is New Year's Eve in New York.
    expect(out.rows[0]![1]).toMatch(/^2025-12-31T19:00:\d\d-05:00$/)
    const searched = await exportAs(o.agent, { q: 'HYPERLINK' }, 'number')
    expect(numbersOf(searched.rows)).toEqual([rows[0]!.number])
  })

  it('never contains what the viewer may not see: sensitive tickets for an uncleared agent, deleted tickets for anyone', async () => {
    const o = await makeOrg()
    const [cleared] = await clear(o, o.agent2)
    const plain = await ticketIn(o, 'new')
    const secret = await ticketIn(o, 'open', { sensitive: true, assignee: cleared })
    const gone = await ticketIn(o, 'new')
    await deleteTicket(o.admin, { number: gone.number })
    const other = await makeOrg()
    await ticketIn(other, 'new')
    const nums = async (ctx: Ctx, q: Record<string, string> = {}) => numbersOf((await exportAs(ctx, { sort: 'number', dir: 'asc', ...q }, 'number,title,description')).rows)
    expect(await nums(o.agent)).toEqual([plain.number])
    // Searching for it by its words or its number does not bring it in either.
    expect(await nums(o.agent, { q: secret.title })).toEqual([])
    expect(await nums(o.agent, { q: `#${secret.number}` })).toEqual([])
    expect(await nums(cleared)).toEqual([plain.number, secret.number])
    expect(await nums(o.admin)).toEqual([plain.number, secret.number])
    // The admin's deleted view does not export deleted tickets (§3).
    expect(await nums(o.admin, { deleted: '1' })).toEqual([plain.number, secret.number])
  })

  it('a requester cannot export, nor can any token of theirs; the API answers 403 and an agent\'s token gets the CSV', async () => {
    const o = await makeOrg()
    await ticketIn(o, 'new')
    await expect(exportTickets(o.requester, { query: {} }, { timeZone: 'UTC' })).rejects.toThrow(ForbiddenError)
    const res = await call('GET', `/api/v1/${o.org.slug}/tickets/export`, { token: await tokenFor(o, o.requester) })
    expect(res.status).toBe(403)
    const other = await makeOrg()
    const foreign = await call('GET', `/api/v1/${o.org.slug}/tickets/export`, { token: await tokenFor(other, other.admin) })
    expect(foreign.status).toBe(401)
    const agent = await call('GET', `/api/v1/${o.org.slug}/tickets/export?columns=number,status&tz=Asia/Tokyo`, { token: await tokenFor(o, o.agent) })
    expect(agent.status).toBe(200)
    expect(agent.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="tickets-${o.org.slug}-\\d{4}-\\d\\d-\\d\\d\\.csv"$`))
    expect(agent.headers.get('content-length')).toBeNull()
    expect(agent.body).toBe('Number,Status\r\n1,New\r\n')
  })

  it('an unknown column, time zone or filter is refused, never silently dropped', async () => {
    const o = await makeOrg()
    await expect(exportTickets(o.agent, { query: {}, columns: 'number,password' }, { timeZone: 'UTC' })).rejects.toThrow(ZodError)
    await expect(exportTickets(o.agent, { query: {}, columns: [] }, { timeZone: 'UTC' })).rejects.toThrow('Choose at least one column')
    const token = await tokenFor(o, o.agent)
    for (const q of ['columns=number,secret', 'tz=Mars/Olympus', 'colour=red', 'q=status:opne']) {
      expect((await call('GET', `/api/v1/${o.org.slug}/tickets/export?${q}`, { token })).status).toBe(422)
    }
  })
})
