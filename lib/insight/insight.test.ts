import { describe, expect, it } from 'vitest'
import { and, eq, sql } from 'drizzle-orm'
import { ticketRollups, tickets } from '@/db/schema'
import type { Ctx } from '@/lib/auth/ctx-type'
import { ForbiddenError } from '@/lib/errors'
import { makeOrg, type TestOrg } from '@/test/factory'
import { manyTickets } from '@/test/many-tickets'
import { clear, makeTeam } from '@/test/tickets'
import { openStatuses } from '@/lib/tickets/workflow'
import { getDashboard, getReport, listInsightTeams, reportCsv } from '.'
import { rebuildRollups, refreshDirtyRollups } from './rollups'

// A generated desk: tickets over the last 45 days in every status, some sensitive, some
// deleted, in three teams and none, with SLA outcomes both ways. Every figure is then
// checked against the tickets table read directly — the rollup and the indexes must agree.

const H = 3_600_000
const DAY = 24 * H
const statuses = ['new', 'open', 'in_progress', 'pending', 'on_hold', 'resolved', 'closed', 'cancelled'] as const
const priorities = ['low', 'normal', 'high', 'urgent'] as const

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31)
}

async function desk(seed = 7) {
  const o = await makeOrg()
  const t1 = await makeTeam(o, { members: [o.agent] })
  const t2 = await makeTeam(o, { members: [o.agent2] })
  const [agent2] = await clear(o, o.agent2)
  const cleared = (await o.db.select({ id: sql<string>`team_id` }).from(sql`team_members`)
    .where(sql`organization_id = ${o.org.id} and user_id = ${o.agent2.user.id} and team_id <> ${t2.id}`))[0].id
  const now = Date.now()
  const r = rng(seed)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]
  const rows = await manyTickets(o, 160, () => {
    const createdAt = new Date(now - r() * 45 * DAY)
    const status = pick(statuses)
    const answered = !['new', 'open', 'cancelled'].includes(status) || r() < 0.2
    const firstResponseAt = answered ? new Date(Math.min(now, createdAt.getTime() + r() * 20 * H)) : null
    const resolvedAt = ['resolved', 'closed'].includes(status) ? new Date(Math.min(now, (firstResponseAt ?? createdAt).getTime() + r() * 5 * DAY)) : null
    const policy = status !== 'cancelled' && r() < 0.8
    const sensitive = r() < 0.2
    return {
      status, priority: pick(priorities), createdAt, firstResponseAt, resolvedAt,
      teamId: sensitive ? pick([cleared, null]) : pick([t1.id, t2.id, null]),
      // Sensitive ones also on the uncleared agent: their dashboard must leave them out all the same.
      assigneeId: pick([o.agent.user.id, agent2.user.id, o.admin.user.id, null]),
      sensitive, deletedAt: r() < 0.1 ? new Date(now - H) : null,
      slaPolicyId: policy ? crypto.randomUUID() : null,
      responseDueAt: policy ? new Date(createdAt.getTime() + 8 * H) : null,
      resolutionDueAt: policy && r() < 0.9 ? new Date(createdAt.getTime() + 2 * DAY) : null,
    }
  })
  await refreshDirtyRollups(o.db)
  return { o, t1, t2, cleared, agent2, rows, now: new Date(now) }
}

type Row = typeof tickets.$inferSelect

/** The figures computed the plain way, from the rows as stored (re-read, never the generator's copy). */
async function expected(o: TestOrg, ctx: Ctx, opts: { from: string; to: string; tz: string; team?: string }, myTeams: string[]) {
  const all: Row[] = await o.db.select().from(tickets).where(eq(tickets.organizationId, o.org.id))
  const seen = all.filter((t) => t.deletedAt === null
    && (ctx.role === 'admin' || ctx.cleared || !t.sensitive)
    && (ctx.role === 'admin' || t.assigneeId === ctx.user.id || (t.teamId !== null && myTeams.includes(t.teamId)))
    && (!opts.team || t.teamId === opts.team))
  const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: opts.tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d)
  const inRange = (d: Date | null) => d !== null && day(d) >= opts.from && day(d) <= opts.to
  const open = seen.filter((t) => (openStatuses as readonly string[]).includes(t.status))
  const median = (xs: number[]) => {
    if (!xs.length) return null
    const s = [...xs].sort((a, b) => a - b), m = s.length / 2
    return Math.round(s.length % 2 ? s[Math.floor(m)] : (s[m - 1] + s[m]) / 2)
  }
  const secs = (a: Date, b: Date) => (a.getTime() - b.getTime()) / 1000
  const responded = seen.filter((t) => inRange(t.firstResponseAt))
  const resolved = seen.filter((t) => inRange(t.resolvedAt))
  const rb = responded.filter((t) => t.slaPolicyId && t.responseDueAt && t.firstResponseAt! > t.responseDueAt).length
  const sb = resolved.filter((t) => t.slaPolicyId && t.resolutionDueAt && t.resolutionDueAt < t.resolvedAt!).length
  const withPolicy = (xs: Row[]) => xs.filter((t) => t.slaPolicyId).length
  const countBy = (xs: Row[], f: (t: Row) => string | null) => xs.reduce((m, t) => m.set(f(t), (m.get(f(t)) ?? 0) + 1), new Map<string | null, number>())
  return {
    seen, open,
    byStatus: countBy(open, (t) => t.status), byPriority: countBy(open, (t) => t.priority),
    byTeam: countBy(open, (t) => t.teamId), byAssignee: countBy(open, (t) => t.assigneeId),
    createdPerDay: countBy(seen.filter((t) => inRange(t.createdAt)), (t) => day(t.createdAt)),
    resolvedPerDay: countBy(resolved, (t) => day(t.resolvedAt!)),
    medianFirstResponse: median(responded.map((t) => secs(t.firstResponseAt!, t.createdAt))),
    medianResolution: median(resolved.map((t) => secs(t.resolvedAt!, t.createdAt))),
    sla: { responseMet: withPolicy(responded) - rb, responseBreached: rb, resolutionMet: withPolicy(resolved) - sb, resolutionBreached: sb },
  }
}

async function check(o: TestOrg, ctx: Ctx, q: { from: string; to: string; team?: string }, tz: string, myTeams: string[], now: Date) {
  const d = await getDashboard(ctx, q, { timeZone: tz, now })
  const e = await expected(o, ctx, { ...q, tz }, myTeams)
  expect(d.open.total).toBe(e.open.length)
  for (const s of d.open.byStatus) expect(s.count, `open ${s.key}`).toBe(e.byStatus.get(s.key) ?? 0)
  for (const p of d.open.byPriority) expect(p.count, `priority ${p.key}`).toBe(e.byPriority.get(p.key) ?? 0)
  expect(new Map(d.open.byTeam.map((t) => [t.key, t.count]))).toEqual(e.byTeam)
  expect(new Map(d.workload.map((w) => [w.key, w.count]))).toEqual(e.byAssignee)
  expect(d.open.byAge.reduce((a, b) => a + b.count, 0)).toBe(e.open.length)
  for (const day of d.daily) {
    expect(day.created, `created ${day.day}`).toBe(e.createdPerDay.get(day.day) ?? 0)
    expect(day.resolved, `resolved ${day.day}`).toBe(e.resolvedPerDay.get(day.day) ?? 0)
  }
  expect(d.medians.firstResponse.seconds).toBe(e.medianFirstResponse)
  expect(d.medians.resolution.seconds).toBe(e.medianResolution)
  expect(d.sla).toMatchObject(e.sla)
  return { d, e }
}

const daysAgo = (now: Date, n: number, tz: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(now.getTime() - n * DAY))

describe('dashboard figures equal a direct count of the tickets', () => {
  it('for an admin, over the default range and a long one, in two viewers\' zones', async () => {
    const { o, now } = await desk()
    for (const tz of ['UTC', 'America/New_York', 'Asia/Tokyo']) {
      const { d, e } = await check(o, o.admin, { from: daysAgo(now, 29, tz), to: daysAgo(now, 0, tz) }, tz, [], now)
      expect(d.range.days).toHaveLength(30)
      expect(d.scope).toBe('org')
      // The figures are not vacuous: the generated desk has some of everything.
      expect(e.open.length).toBeGreaterThan(10)
      expect(d.totals.created).toBeGreaterThan(10)
      expect(e.seen.some((t) => t.sensitive)).toBe(true)
      await check(o, o.admin, { from: daysAgo(now, 60, tz), to: daysAgo(now, 0, tz) }, tz, [], now)
    }
  })

  it('an agent counts only their own and their teams\' tickets; uncleared, never a sensitive one', async () => {
    const { o, t1, t2, cleared, agent2, now } = await desk(11)
    const q = { from: daysAgo(now, 44, 'UTC'), to: daysAgo(now, 0, 'UTC') }
    const { d, e } = await check(o, o.agent, q, 'UTC', [t1.id], now)
    expect(d.scope).toBe('mine')
    const all = await o.db.select().from(tickets).where(eq(tickets.organizationId, o.org.id))
    // The generator put sensitive tickets on this very agent; none counts.
    expect(all.some((t) => t.sensitive && t.assigneeId === o.agent.user.id && !t.deletedAt)).toBe(true)
    expect(e.seen.every((t) => !t.sensitive)).toBe(true)
    await check(o, agent2, q, 'UTC', [t2.id, cleared], now)
    expect((await getDashboard(agent2, q, { timeZone: 'UTC', now })).open.total).toBeGreaterThan(d.open.total / 4)
  })

  it('the team filter narrows every figure to that team', async () => {
    const { o, t1, t2, now } = await desk(3)
    const q = { from: daysAgo(now, 44, 'UTC'), to: daysAgo(now, 0, 'UTC') }
    await check(o, o.admin, { ...q, team: t2.id }, 'UTC', [], now)
    await check(o, o.agent, { ...q, team: t1.id }, 'UTC', [t1.id], now)
    // Another team for this agent is the intersection: only their own tickets in it.
    await check(o, o.agent, { ...q, team: t2.id }, 'UTC', [t1.id], now)
  })

  it('changes reach the rollup through the job: delete, flag sensitive, resolve, reassign', async () => {
    const { o, t1, t2, now } = await desk(5)
    const q = { from: daysAgo(now, 44, 'UTC'), to: daysAgo(now, 0, 'UTC') }
    const live = await o.db.select().from(tickets).where(and(eq(tickets.organizationId, o.org.id), sql`deleted_at is null and not sensitive`)).limit(4)
    const set = (t: Row, v: Partial<Row>) => o.db.update(tickets).set(v).where(and(eq(tickets.organizationId, o.org.id), eq(tickets.id, t.id)))
    await set(live[0], { deletedAt: new Date() })
    await set(live[1], { sensitive: true })
    await set(live[2], { status: 'resolved', resolvedAt: new Date(now.getTime() - H), firstResponseAt: new Date(now.getTime() - 2 * H) })
    await set(live[3], { teamId: t2.id, assigneeId: o.agent.user.id })
    const dirty = await refreshDirtyRollups(o.db)
    expect(dirty).toBeGreaterThan(0)
    await check(o, o.admin, q, 'UTC', [], now)
    await check(o, o.agent, q, 'UTC', [t1.id], now)
    // The rebuild command's result equals the incrementally kept one.
    const snapshot = async () => (await o.db.select().from(ticketRollups).where(eq(ticketRollups.organizationId, o.org.id)))
      .map((b) => JSON.stringify({ ...b, hour: new Date(b.hour).toISOString() })).sort()
    const before = await snapshot()
    const [rebuilt] = await rebuildRollups(o.db, { organizationId: o.org.id })
    expect(rebuilt.buckets).toBe(before.length)
    expect(await snapshot()).toEqual(before)
  })
})

describe('reports', () => {
  it('per agent and per team add up to the dashboard, and the CSV carries the same rows', async () => {
    const { o, now } = await desk(9)
    const q = { from: daysAgo(now, 29, 'UTC'), to: daysAgo(now, 0, 'UTC') }
    const d = await getDashboard(o.admin, q, { timeZone: 'UTC', now })
    for (const by of ['agent', 'team'] as const) {
      const r = await getReport(o.admin, q, { by, timeZone: 'UTC', now })
      const sum = (k: 'open' | 'created' | 'resolved' | 'responseBreached' | 'resolutionMet') => r.rows.reduce((a, x) => a + x[k], 0)
      expect(sum('open')).toBe(d.open.total)
      expect(sum('created')).toBe(d.totals.created)
      expect(sum('resolved')).toBe(d.totals.resolved)
      expect(sum('responseBreached')).toBe(d.sla.responseBreached)
      expect(sum('resolutionMet')).toBe(d.sla.resolutionMet)
      const csv = await reportCsv(o.admin, q, { by, timeZone: 'UTC', now })
      const lines = csv.body.trim().split('\r\n')
      expect(lines).toHaveLength(r.rows.length + 1)
      expect(lines[0]).toContain(by === 'agent' ? 'Agent' : 'Team')
      expect(csv.filename).toBe(`${o.org.slug}-report-by-${by}-${q.from}-to-${q.to}.csv`)
    }
    const byAgent = await getReport(o.admin, q, { by: 'agent', timeZone: 'UTC', now })
    expect(byAgent.rows.map((r) => r.name)).toContain(o.agent.user.name)
  })

  it('an uncleared agent\'s report never counts a sensitive ticket', async () => {
    const { o, t1, now } = await desk(13)
    const q = { from: daysAgo(now, 44, 'UTC'), to: daysAgo(now, 0, 'UTC') }
    const e = await expected(o, o.agent, { ...q, tz: 'UTC' }, [t1.id])
    const r = await getReport(o.agent, q, { by: 'agent', timeZone: 'UTC', now })
    expect(r.rows.reduce((a, x) => a + x.open, 0)).toBe(e.open.length)
    expect(r.rows.reduce((a, x) => a + x.created, 0)).toBe([...e.createdPerDay.values()].reduce((a, b) => a + b, 0))
  })
})

describe('who may see the dashboard', () => {
  it('a requester is refused everything', async () => {
    const { o, now } = await desk(2)
    const refused = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e)
    expect(await refused(getDashboard(o.requester, {}, { timeZone: 'UTC', now }))).toBeInstanceOf(ForbiddenError)
    expect(await refused(getReport(o.requester, {}, { by: 'team', timeZone: 'UTC', now }))).toBeInstanceOf(ForbiddenError)
    expect(await refused(reportCsv(o.requester, {}, { by: 'agent', timeZone: 'UTC', now }))).toBeInstanceOf(ForbiddenError)
    expect(await refused(listInsightTeams(o.requester))).toBeInstanceOf(ForbiddenError)
  })

  it('another organisation\'s admin sees none of this one, not even through its team ids', async () => {
    const { o, t1, now } = await desk(4)
    const other = await makeOrg()
    const q = { from: daysAgo(now, 44, 'UTC'), to: daysAgo(now, 0, 'UTC') }
    for (const team of [undefined, t1.id]) {
      const d = await getDashboard(other.admin, { ...q, team }, { timeZone: 'UTC', now })
      expect(d.open.total).toBe(0)
      expect(d.totals).toEqual({ created: 0, resolved: 0 })
      expect(d.medians.firstResponse.n + d.medians.resolution.n).toBe(0)
      expect((await getReport(other.admin, { ...q, team }, { by: 'agent', timeZone: 'UTC', now })).rows).toEqual([])
    }
    expect((await getDashboard(o.admin, q, { timeZone: 'UTC', now })).open.total).toBeGreaterThan(0)
    expect((await listInsightTeams(other.admin)).map((t) => t.id)).not.toContain(t1.id)
  })

  it('the team filter offers an admin every team and an agent their own', async () => {
    const { o, t1, t2 } = await desk(6)
    const ids = async (ctx: Ctx) => (await listInsightTeams(ctx)).map((t) => t.id)
    expect(await ids(o.admin)).toEqual(expect.arrayContaining([t1.id, t2.id]))
    expect(await ids(o.agent)).toEqual([t1.id])
  })

  it('a malformed range falls back to the last 30 days; a reversed one is swapped; a long one is cut to 366 days', async () => {
    const o = await makeOrg()
    const now = new Date('2026-03-10T12:00:00Z')
    expect((await getDashboard(o.admin, { from: 'nope', to: '2026-02-30' }, { timeZone: 'UTC', now })).range).toMatchObject({ from: '2026-02-09', to: '2026-03-10' })
    expect((await getDashboard(o.admin, { from: '2026-03-05', to: '2026-03-01' }, { timeZone: 'UTC', now })).range).toMatchObject({ from: '2026-03-01', to: '2026-03-05' })
    expect((await getDashboard(o.admin, { from: '2020-01-01', to: '2026-03-10' }, { timeZone: 'UTC', now })).range.days).toHaveLength(366)
  })
})
