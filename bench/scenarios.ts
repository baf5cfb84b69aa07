// The benchmark's scenarios: what a signed-in person requests, and for reads the data-layer
// call whose SQL is the scenario's floor.
import { sql } from 'drizzle-orm'
import type { Db } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { loadCtx } from '@/lib/auth/load-ctx'
import { getTicketDetail, getTicketView } from '@/lib/tickets/get-ticket'
import { countTickets, listTickets } from '@/lib/tickets/list-tickets'
import { queueCounts } from '@/lib/tickets/queues'
import { createApiToken } from '@/lib/api-tokens/tokens'
import { listViews, saveView } from '@/lib/views'
import { memberCounts, searchMembers } from '@/lib/members'
import { listTeamMembers, teamsOverview, teamUsage } from '@/lib/teams'
import { getDashboard } from '@/lib/insight'
import { accounts, DETAIL_TAG, orgSlug } from './config'
import { actionBody, actionId } from './http'

export type Req = { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string }

export type Scenario = {
  name: string
  kind: 'read' | 'write'
  as: 'agent' | 'requester' | 'admin'
  request: () => Req
  /** Reads: the data-layer calls whose SQL is the floor (replayed in order). */
  floor?: () => Promise<unknown>
  /** Further data-layer calls of the page that must use indexes too (counts). */
  alsoExplain?: () => Promise<unknown>
  /** Statuses that mean success. */
  ok: number[]
}

const get = (path: string): (() => Req) => () => ({ method: 'GET', path })

async function ctxFor(db: Db, email: string, org: string): Promise<Ctx> {
  const [u] = await db.execute<{ id: string }>(sql`select id from users where lower(email) = ${email}`) as unknown as { id: string }[]
  if (!u) throw new Error(`${email} is missing: run npm run bench:seed first`)
  return loadCtx(db, u.id, org)
}

export async function scenarios(db: Db, distDir: string): Promise<{ list: Scenario[]; notes: string[] }> {
  const org = orgSlug(1)
  const notes: string[] = []
  const agent = await ctxFor(db, accounts(1).agent, org)
  const requester = await ctxFor(db, accounts(1).requester, org)

  // Page 200 of the default list, reached the way a person would: following "Next" 199 times.
  let after: string | null = null
  for (let page = 1; page < 200; page++) {
    const p: Awaited<ReturnType<typeof listTickets>> = await listTickets(agent, { after: after ?? undefined })
    if (!p.next) throw new Error(`the default list has only ${page} pages; seed more tickets`)
    after = p.next
  }
  const deepCursor = after!

  const [team] = await db.execute<{ id: string }>(sql`select team_id as id from team_members tm join teams t on t.organization_id = tm.organization_id and t.id = tm.team_id
    where tm.organization_id = ${agent.org.id} and tm.user_id = ${agent.user.id} and not t.restricted limit 1`) as unknown as { id: string }[]
  const filter = { status: 'open,in_progress', priority: 'high', team: team.id }
  const filterQs = new URLSearchParams(filter).toString()
  const parsed = (await listTickets(agent, filter)).query as Record<string, unknown>
  if (!('team' in parsed)) notes.push('The list has no team filter yet: the filtered scenario sends team= but only status and priority apply.')

  const [detail] = await db.execute<{ number: number }>(sql`select number from tickets where organization_id = ${agent.org.id} and ${DETAIL_TAG} = any(tags) limit 1`) as unknown as { number: number }[]
  if (!detail) throw new Error('the 100-comment ticket is missing: run npm run bench:seed')

  // Replies go round 25 open tickets, so no single conversation grows without end.
  const mine = await listTickets(agent, { status: 'open,in_progress', sort: 'number' })
  if (!mine.rows.length) throw new Error('org1 has no open tickets to reply to')
  const [category] = await db.execute<{ id: string }>(sql`select id from categories where organization_id = ${agent.org.id} and not sensitive order by name limit 1`) as unknown as { id: string }[]

  const createId = actionId(distDir, 'createTicketAction', 'tickets/actions')
  const replyId = actionId(distDir, 'replyAction', 'tickets/actions')
  const post = (path: string, id: string, fields: Record<string, string>): Req => {
    const { body, contentType } = actionBody(fields)
    return { method: 'POST', path, body, headers: { 'next-action': id, 'content-type': contentType, accept: 'text/x-component' } }
  }
  let created = 0
  let replied = 0

  // The REST API (issue 13): tokens acting as the same agent and requester.
  const admin = await ctxFor(db, accounts(1).admin, org)
  const apiToken = async (owner: Ctx, scopes: ('ticket:read' | 'ticket:create')[]) =>
    (await createApiToken(admin, { name: `bench ${Date.now()}`, ownerEmail: owner.user.email, scopes, expiresInDays: '30' })).secret
  const agentToken = await apiToken(agent, ['ticket:read'])
  const requesterToken = await apiToken(requester, ['ticket:read', 'ticket:create'])
  const bearer = (t: string) => ({ authorization: `Bearer ${t}` })
  let apiCreated = 0

  // The team page (issue 15) for the team with the most members: its first page of 50.
  const largestTeam = (await teamsOverview(admin)).reduce((a, b) => (b.memberCount > a.memberCount ? b : a))

  // Workspace (issue 14): a saved view of the agent's (made on the first run, found after),
  // the list by requester and by a month of creation dates in the viewer's zone.
  const viewName = 'Bench: high priority, open'
  const view = (await listViews(agent)).find((v) => v.name === viewName)
    ?? await saveView(agent, { name: viewName, query: 'priority:high is:open', sort: 'updated' })
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10)
  const byRequester = `requester:${accounts(1).requester}`
  const byDates = `created>=${day(60)} created<${day(30)}`
  const searchFloor = (q: string, as: Ctx = agent) => async () => { await listTickets(as, { q }); await countTickets(as, { q }) }

  const today = new Date().toISOString().slice(0, 10)
  const yearAgo = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10)

  const list: Scenario[] = [
    // The "My work" queue (§6): my unsolved tickets, in the list's default order (SLA due).
    { name: 'my work queue (sort=due)', kind: 'read', as: 'agent', ok: [200], request: get(`/${org}/tickets?queue=mine`),
      floor: () => listTickets(agent, { queue: 'mine' }), alsoExplain: () => countTickets(agent, { queue: 'mine' }) },
    { name: 'ticket list page 1', kind: 'read', as: 'agent', ok: [200], request: get(`/${org}/tickets`),
      floor: () => listTickets(agent, {}), alsoExplain: () => Promise.all([countTickets(agent, {}), queueCounts(agent)]) },
    { name: 'ticket list page 200 (keyset)', kind: 'read', as: 'agent', ok: [200], request: get(`/${org}/tickets?after=${deepCursor}`),
      floor: () => listTickets(agent, { after: deepCursor }) },
    { name: 'filtered list (2 statuses, priority, team)', kind: 'read', as: 'agent', ok: [200], request: get(`/${org}/tickets?${filterQs}`),
      floor: () => listTickets(agent, filter), alsoExplain: () => countTickets(agent, filter) },
    { name: 'requester my tickets', kind: 'read', as: 'requester', ok: [200], request: get(`/${org}/portal`),
      floor: () => listTickets(requester, { status: '', sort: 'updated', dir: 'desc' }) },
    { name: `ticket detail (${100} comments)`, kind: 'read', as: 'agent', ok: [200], request: get(`/${org}/tickets/${detail.number}`),
      floor: () => getTicketDetail(agent, detail.number) },
    { name: 'create ticket (portal)', kind: 'write', as: 'requester', ok: [200, 303], request: () => post(`/${org}/portal/new`, createId, {
      org, title: `Bench ticket ${++created}`, description: 'Created by the HTTP benchmark.', priority: 'normal', categoryId: category.id }) },
    { name: 'add reply (agent)', kind: 'write', as: 'agent', ok: [200], request: () => {
      const t = mine.rows[replied++ % mine.rows.length]
      return post(`/${org}/tickets/${t.number}`, replyId, { org, number: String(t.number), body: `Benchmark reply ${replied}` })
    } },
    // Full-text search (issue 14): common words (about 1 in 30 tickets), and a phrase.
    // Floors: the page's list and its capped count (a search page runs both).
    { name: 'search: two words', kind: 'read', as: 'agent', ok: [200], request: get(`/${org}/tickets?q=${encodeURIComponent('jams printer')}`),
      floor: searchFloor('jams printer') },
    { name: 'search: phrase', kind: 'read', as: 'agent', ok: [200], request: get(`/${org}/tickets?q=${encodeURIComponent('"docking station"')}`),
      floor: searchFloor('"docking station"') },
    { name: 'search: one word in ~85k tickets', kind: 'read', as: 'agent', ok: [200], request: get(`/${org}/tickets?q=new`),
      floor: searchFloor('new') },
    { name: 'search: a word in no ticket', kind: 'read', as: 'agent', ok: [200], request: get(`/${org}/tickets?q=xylophone`),
      floor: searchFloor('xylophone') },
    { name: 'search: a serial from replies (phrase, ~35% of tickets)', kind: 'read', as: 'agent', ok: [200], request: get(`/${org}/tickets?q=${encodeURIComponent('4471-22')}`),
      floor: searchFloor('4471-22') },
    { name: 'requester searches own tickets', kind: 'read', as: 'requester', ok: [200], request: get(`/${org}/portal?q=printer`),
      floor: searchFloor('printer', requester) },
    { name: 'list filtered by requester', kind: 'read', as: 'agent', ok: [200], request: get(`/${org}/tickets?q=${encodeURIComponent(byRequester)}`),
      floor: searchFloor(byRequester) },
    { name: 'list filtered by created date range', kind: 'read', as: 'agent', ok: [200], request: get(`/${org}/tickets?q=${encodeURIComponent(byDates)}`),
      floor: searchFloor(byDates) },
    { name: 'saved view (priority:high is:open)', kind: 'read', as: 'agent', ok: [200], request: get(`/${org}/tickets?view=${view.id}`),
      floor: async () => { await listTickets(agent, { q: 'priority:high is:open', sort: 'updated' }); await countTickets(agent, { q: 'priority:high is:open' }) } },
    // The admin dashboard (issue 17): the whole org's figures over the last 30 days, and the
    // agent's own-and-teams' view. Floors: every data-layer call of the page.
    { name: 'dashboard (admin, 30 days)', kind: 'read', as: 'admin', ok: [200], request: get(`/${org}/dashboard`),
      floor: () => getDashboard(admin, {}, { timeZone: 'UTC' }) },
    { name: 'dashboard (admin, 365 days)', kind: 'read', as: 'admin', ok: [200], request: get(`/${org}/dashboard?from=${yearAgo}&to=${today}`),
      floor: () => getDashboard(admin, { from: yearAgo, to: today }, { timeZone: 'UTC' }) },
    { name: 'dashboard (agent, 30 days)', kind: 'read', as: 'agent', ok: [200], request: get(`/${org}/dashboard`),
      floor: () => getDashboard(agent, {}, { timeZone: 'UTC' }) },
    { name: 'API: list tickets', kind: 'read', as: 'agent', ok: [200], request: () => ({ method: 'GET', path: `/api/v1/${org}/tickets`, headers: bearer(agentToken) }),
      floor: () => listTickets(agent, {}) },
    { name: 'API: get ticket', kind: 'read', as: 'agent', ok: [200], request: () => ({ method: 'GET', path: `/api/v1/${org}/tickets/${detail.number}`, headers: bearer(agentToken) }),
      floor: () => getTicketView(agent, detail.number) },
    { name: 'API: create ticket', kind: 'write', as: 'requester', ok: [201], request: () => ({
      method: 'POST', path: `/api/v1/${org}/tickets`, headers: { ...bearer(requesterToken), 'content-type': 'application/json' },
      body: JSON.stringify({ title: `API bench ticket ${++apiCreated}`, description: 'Created through the REST API by the benchmark.', categoryId: category.id }) }) },
    // Issue 15: what a page costs with no data at all (middleware, layouts, render, stream):
    // the framework floor every other page sits on.
    { name: 'framework floor (near-empty page)', kind: 'read', as: 'agent', ok: [200], request: get('/no-access') },
    // Settings at org1's size (~120,000 members): the first page of 50, a name search, the teams page.
    { name: 'settings: members (120k)', kind: 'read', as: 'admin', ok: [200], request: get(`/${org}/settings/members`),
      floor: async () => { await searchMembers(admin, {}); await memberCounts(admin) } },
    { name: 'settings: members search', kind: 'read', as: 'admin', ok: [200], request: get(`/${org}/settings/members?q=weber`),
      floor: () => searchMembers(admin, { q: 'weber' }) },
    // Issue 15: each team card shows its first members only; everyone is on the team's own page, 50 at a time.
    { name: 'settings: teams', kind: 'read', as: 'admin', ok: [200], request: get(`/${org}/settings/teams`),
      floor: async () => { await teamsOverview(admin); await teamUsage(admin) } },
    { name: 'settings: largest team\'s members', kind: 'read', as: 'admin', ok: [200], request: get(`/${org}/settings/teams/${largestTeam.id}`),
      floor: () => listTeamMembers(admin, largestTeam.id) },
  ]
  return { list, notes }
}
