import { describe, expect, it } from 'vitest'
import { ZodError } from 'zod'
import { createTicket } from '@/lib/tickets/create-ticket'
import { countTickets, listTickets } from '@/lib/tickets/list-tickets'
import { deleteTeam, updateTeam } from '@/lib/teams'
import { ForbiddenError, NotFoundError } from '@/lib/errors'
import { category, makeOrg, uid } from '@/test/factory'
import { auditCount, clear, fieldErrorsOf, makeTeam } from '@/test/tickets'
import { deleteView, getView, listColumns, listViews, renameView, saveListColumns, saveView, staleViewNames, viewCounts } from '.'
import { defaultListColumns } from './schemas'

const names = async (ctx: Parameters<typeof listViews>[0]) => (await listViews(ctx)).map((v) => v.name)
const refused = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e)

describe('saved views: who sees which', () => {
  it('built-in views are always there, first, and cannot be deleted or renamed', async () => {
    const o = await makeOrg()
    expect(await names(o.agent)).toEqual(['My open', 'Unassigned', 'Breaching soon'])
    expect((await getView(o.agent, 'my-open')).query).toBe('assignee:me is:open')
    expect(await refused(deleteView(o.admin, { id: 'my-open' }))).toBeInstanceOf(ZodError)
    expect(await refused(renameView(o.admin, { id: 'unassigned', name: 'Mine' }))).toBeInstanceOf(ZodError)
  })

  it('a personal view is its owner\'s only; another agent, another org and a requester get "not found"', async () => {
    const o = await makeOrg()
    const other = await makeOrg()
    const v = await saveView(o.agent, { name: 'My VPN', query: 'tag:vpn is:open', sort: 'updated' })
    expect(v.dir).toBe('desc')
    expect(await names(o.agent)).toContain('My VPN')
    expect(await names(o.agent2)).not.toContain('My VPN')
    expect(await names(o.admin)).not.toContain('My VPN')
    for (const ctx of [o.agent2, o.admin, other.admin]) expect(await refused(getView(ctx, v.id))).toBeInstanceOf(NotFoundError)
    // Nor may they delete or rename it: invisible is not found, never "forbidden".
    expect(await refused(deleteView(o.agent2, { id: v.id }))).toBeInstanceOf(NotFoundError)
    expect(await refused(renameView(other.admin, { id: v.id, name: 'Mine now' }))).toBeInstanceOf(NotFoundError)
    expect(await listViews(o.requester)).toEqual([])
    expect(await refused(getView(o.requester, v.id))).toBeInstanceOf(ForbiddenError)
    expect(await auditCount(o, 'view.created', v.id)).toBe(1)
  })

  it('a requester cannot create a view, and an agent cannot share one', async () => {
    const o = await makeOrg()
    const team = await makeTeam(o, { members: [o.agent] })
    expect(await refused(saveView(o.requester, { name: 'Mine', query: '' }))).toBeInstanceOf(ForbiddenError)
    expect(await refused(saveView(o.agent, { name: 'For all', query: 'is:open', scope: 'org' }))).toBeInstanceOf(ForbiddenError)
    expect(await refused(saveView(o.agent, { name: 'For us', query: 'is:open', scope: `team:${team.id}` }))).toBeInstanceOf(ForbiddenError)
    expect(await names(o.agent2)).toEqual(['My open', 'Unassigned', 'Breaching soon'])
  })

  it('an org view is every staff member\'s; a team view only its members\' (and its author\'s)', async () => {
    const o = await makeOrg()
    const team = await makeTeam(o, { members: [o.agent] })
    await saveView(o.admin, { name: 'Everyone', query: 'is:open', scope: 'org' })
    const tv = await saveView(o.admin, { name: 'Team only', query: 'is:open', scope: `team:${team.id}` })
    expect(await names(o.agent)).toEqual(['My open', 'Unassigned', 'Breaching soon', 'Team only', 'Everyone'])
    expect(await names(o.agent2)).toEqual(['My open', 'Unassigned', 'Breaching soon', 'Everyone'])
    expect(await names(o.admin)).toContain('Team only')
    expect(await refused(getView(o.agent2, tv.id))).toBeInstanceOf(NotFoundError)
    expect((await listViews(o.agent)).find((v) => v.name === 'Team only')).toMatchObject({ scope: 'team', teamName: team.name, canManage: false })
    // An agent sees a shared view but may not delete it.
    expect(await refused(deleteView(o.agent, { id: tv.id }))).toBeInstanceOf(ForbiddenError)
    expect(await names(o.requester)).toEqual([])
    // The team goes, its views go with it.
    await deleteTeam(o.admin, { teamId: team.id })
    expect(await names(o.admin)).not.toContain('Team only')
  })

  it('names are required, unique per shelf (case-blind), and the query must parse', async () => {
    const o = await makeOrg()
    expect(await fieldErrorsOf(saveView(o.agent, { name: '  ', query: '' }))).toHaveProperty('name')
    await saveView(o.agent, { name: 'Printers', query: 'printer' })
    expect((await fieldErrorsOf(saveView(o.agent, { name: 'printers', query: 'toner' }))).name?.[0]).toContain('already have a view')
    // Another agent's shelf is another shelf.
    await expect(saveView(o.agent2, { name: 'Printers', query: 'printer' })).resolves.toBeTruthy()
    expect((await fieldErrorsOf(saveView(o.agent, { name: 'Bad', query: 'status:opne' }))).query?.[0]).toContain('status:opne')
    expect(await fieldErrorsOf(saveView(o.agent, { name: 'Bad sort', query: '', sort: 'password' as never }))).toHaveProperty('sort')
  })

  it('rename and delete are audited; a renamed view keeps its query', async () => {
    const o = await makeOrg()
    const v = await saveView(o.agent, { name: 'Old', query: 'priority:urgent', sort: 'priority' })
    await renameView(o.agent, { id: v.id, name: 'Urgent' })
    expect(await getView(o.agent, v.id)).toMatchObject({ name: 'Urgent', query: 'priority:urgent', sort: 'priority', dir: 'desc' })
    await deleteView(o.agent, { id: v.id })
    expect(await refused(getView(o.agent, v.id))).toBeInstanceOf(NotFoundError)
    expect(await auditCount(o, 'view.renamed', v.id)).toBe(1)
    expect(await auditCount(o, 'view.deleted', v.id)).toBe(1)
  })
})

describe('running a view', () => {
  it('a shared view run by an uncleared agent shows no sensitive ticket, in the list or its count', async () => {
    const o = await makeOrg()
    const word = `hr${uid()}`
    const [cleared] = await clear(o, o.agent2)
    const s = await createTicket(o.requester, { title: `Case ${word}`, description: 'x', categoryId: category(o, 'Sensitive') })
    const plain = await createTicket(o.requester, { title: `Printer ${word}`, description: 'x' })
    // Written to pick out the sensitive ticket; it still only narrows what each viewer may see.
    const v = await saveView(o.admin, { name: 'Sensitive cases', query: `${word} is:sensitive`, scope: 'org' })
    const all = await saveView(o.admin, { name: 'Everything', query: word, scope: 'org' })
    const run = async (ctx: typeof o.agent, id: string) => (await listTickets(ctx, { q: (await getView(ctx, id)).query })).rows.map((r) => r.number)
    expect(await run(o.agent, v.id)).toEqual([])
    expect(await run(o.agent, all.id)).toEqual([plain.number])
    expect(await run(cleared!, v.id)).toEqual([s.number])
    expect((await run(o.admin, all.id)).sort((a, b) => a - b)).toEqual([plain.number, s.number].sort((a, b) => a - b))
    const counts = await viewCounts(o.agent, await listViews(o.agent))
    expect(counts.get(v.id)).toBe(0)
    expect(counts.get(all.id)).toBe(1)
    expect((await viewCounts(cleared!, [v])).get(v.id)).toBe(1)
  })

  it('a view naming a team, category or assignee that no longer exists warns, and shows nothing rather than more', async () => {
    const o = await makeOrg()
    const team = await makeTeam(o, { name: `Field ${uid()}`, members: [o.agent] })
    await createTicket(o.agent, { title: 'On team', description: 'x', teamId: team.id, requesterEmail: o.requester.user.email })
    await createTicket(o.requester, { title: 'No team', description: 'x' })
    const v = await saveView(o.admin, { name: 'Field work', query: `team:"${team.name}" category:General,Gone assignee:me,nobody@x.test`, scope: 'org' })
    expect(await staleViewNames(o.agent, v.query)).toEqual([
      { kind: 'category', name: 'Gone' }, { kind: 'assignee', name: 'nobody@x.test' },
    ])
    await updateTeam(o.admin, { teamId: team.id, name: 'Renamed', restricted: false, assignmentStrategy: 'manual' })
    expect((await staleViewNames(o.agent, v.query)).map((s) => `${s.kind}:${s.name}`)).toEqual([`team:${team.name}`, 'category:Gone', 'assignee:nobody@x.test'])
    // The stale token still filters: the view matches no ticket at all, not every ticket.
    const byTeam = `team:"${team.name}"`
    expect(await countTickets(o.admin, { q: byTeam })).toBe(0)
    expect(await countTickets(o.admin, {})).toBe(2)
    expect(await staleViewNames(o.agent, 'team:none category:general assignee:me')).toEqual([])
  })
})

describe('list columns', () => {
  it('each person keeps their own choice per organisation; only known columns are stored', async () => {
    const o = await makeOrg()
    expect(await listColumns(o.agent)).toEqual([...defaultListColumns])
    expect(await saveListColumns(o.agent, ['team', 'requester', 'created'])).toEqual(['requester', 'team', 'created'])
    expect(await listColumns(o.agent)).toEqual(['requester', 'team', 'created'])
    expect(await listColumns(o.agent2)).toEqual([...defaultListColumns])
    await saveListColumns(o.agent, [])
    expect(await listColumns(o.agent)).toEqual([])
    expect(await refused(saveListColumns(o.agent, ['status', 'password_hash']))).toBeInstanceOf(ZodError)
    expect(await listColumns(o.agent)).toEqual([])
    expect(await refused(saveListColumns(o.requester, ['status']))).toBeInstanceOf(ForbiddenError)
  })
})
