import { afterEach, describe, expect, it } from 'vitest'
import { addComment } from '@/lib/comments/add-comment'
import { createTicket } from '@/lib/tickets/create-ticket'
import { changeStatus } from '@/lib/tickets/change-status'
import { withTx } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { category, makeOrg } from '@/test/factory'
import { clear, ticketIn } from '@/test/tickets'
import { subscribeLive } from './bus'
import { liveEventForViewer } from './for-viewer'
import { LIVE_CHANNEL, type ClientLiveEvent } from './events'
import { liveEventOf } from './publish'

const stops: (() => Promise<void>)[] = []
afterEach(async () => { while (stops.length) await stops.pop()!() })

/** What one viewer's stream would send, in order, re-checked as lib/live/stream.ts does. */
async function watch(ctx: Ctx) {
  const got: ClientLiveEvent[] = []
  let chain = Promise.resolve()
  stops.push(await subscribeLive((e) => {
    chain = chain.then(async () => { const out = await liveEventForViewer(ctx, e); if (out) got.push(out) })
  }))
  return {
    got,
    /** Waits until an event matching `pred` arrives; everything committed before it has been decided by then. */
    async until(pred: (e: ClientLiveEvent) => boolean) {
      for (let i = 0; i < 200 && !got.some(pred); i++) await new Promise((r) => setTimeout(r, 25))
      await chain
      expect(got.some(pred), `no matching event in ${JSON.stringify(got)}`).toBe(true)
    },
  }
}
const on = (number: number, kind?: ClientLiveEvent['kind']) => (e: ClientLiveEvent) => e.number === number && (!kind || e.kind === kind)

describe('live events are re-checked against each receiver', () => {
  it('a requester\'s stream never gets an internal note event; staff get both, after commit', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'open')
    const [requester, agent2] = [await watch(o.requester), await watch(o.agent2)]
    await addComment(o.agent, { number: t.number, body: 'secret note', internal: true })
    await addComment(o.agent, { number: t.number, body: 'public answer' })
    await agent2.until((e) => e.kind === 'inbox' || e.number === t.number)
    await requester.until(on(t.number, 'comment'))
    await agent2.until(on(t.number, 'comment'))
    expect(requester.got.filter(on(t.number, 'comment'))).toHaveLength(1)
    expect(agent2.got.filter(on(t.number, 'comment'))).toHaveLength(2)
    // Ids and kinds only: nothing of the text travels.
    expect(JSON.stringify([...requester.got, ...agent2.got])).not.toMatch(/secret|answer/)
  })

  it('a sensitive ticket\'s events never reach an uncleared agent; a cleared one and admins get them', async () => {
    const o = await makeOrg()
    const [cleared] = await clear(o, o.agent2)
    const [plain, agent2, admin, other] = [await watch(o.agent), await watch(cleared), await watch(o.admin), await watch(o.requester2)]
    const secret = await createTicket(o.requester, { title: 'HR matter', description: 'private', categoryId: category(o, 'Sensitive') })
    await addComment(o.admin, { number: secret.number, body: 'seen' })
    const control = await ticketIn(o, 'new')
    await plain.until(on(control.number))
    await agent2.until(on(secret.number, 'comment'))
    await admin.until(on(secret.number, 'ticket'))
    expect(plain.got.filter(on(secret.number))).toEqual([])
    // Another requester of the same org sees neither ticket.
    await changeStatus(o.admin, { number: control.number, to: 'cancelled', note: 'x' }).catch(() => {})
    const mine = await createTicket(o.requester2, { title: 'mine', description: 'x', categoryId: category(o, 'General') })
    await other.until(on(mine.number))
    expect(other.got.filter((e) => e.number === secret.number || e.number === control.number)).toEqual([])
  })

  it('another organisation never gets anything', async () => {
    const [a, b] = [await makeOrg(), await makeOrg()]
    const [bAdmin, bAgent] = [await watch(b.admin), await watch(b.agent)]
    const ta = await ticketIn(a, 'open')
    await addComment(a.agent, { number: ta.number, body: 'hello' })
    const tb = await ticketIn(b, 'new')
    await bAdmin.until(on(tb.number))
    await bAgent.until(on(tb.number))
    // Ticket numbers restart per org: org A's ticket #n must not show up as org B's #n.
    expect(bAdmin.got.filter((e) => e.number === ta.number && e.number !== tb.number)).toEqual([])
    expect(bAdmin.got.every((e) => e.kind === 'inbox' || e.number === tb.number)).toBe(true)
  })

  it('the bell event goes only to the people notified', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'open')
    const requester = await watch(o.requester)
    await addComment(o.agent, { number: t.number, body: 'we are on it' })
    await requester.until((e) => e.kind === 'inbox')
    const event = { o: o.org.id, k: 'inbox' as const, u: [o.requester.user.id] }
    expect(await liveEventForViewer(o.requester, event)).toEqual({ kind: 'inbox' })
    for (const other of [o.requester2, o.agent, o.admin]) expect(await liveEventForViewer(other, event)).toBeNull()
  })

  it('a rolled-back change publishes nothing', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'open')
    const admin = await watch(o.admin)
    await expect(withTx(o.agent, async (_tx, ctx) => {
      await addComment(ctx, { number: t.number, body: 'never happened' })
      throw new Error('rollback')
    })).rejects.toThrow('rollback')
    const control = await ticketIn(o, 'new')
    await admin.until(on(control.number))
    expect(admin.got.filter(on(t.number))).toEqual([])
  })
})

describe('what is published', () => {
  it('audited reads (a view, an export, a download) publish nothing, so open pages do not refresh each other for ever', async () => {
    expect(liveEventOf('o', { entityType: 'ticket', entityId: 't', action: 'ticket.viewed' })).toBeNull()
    expect(liveEventOf('o', { entityType: 'ticket', entityId: 't', action: 'ticket.exported' })).toBeNull()
    expect(liveEventOf('o', { entityType: 'attachment', entityId: 'a', action: 'attachment.downloaded', changes: { ticketId: ['t', 't'] } })).toBeNull()
    expect(liveEventOf('o', { entityType: 'ticket', entityId: 't', action: 'ticket.status_changed' })).toEqual({ o: 'o', k: 'ticket', t: 't' })
  })

  it('a file is staff-only unless its audit says it is public', () => {
    expect(liveEventOf('o', { entityType: 'attachment', entityId: 'a', action: 'attachment.deleted', changes: { ticketId: ['t', 't'] } })?.i).toBe(true)
    expect(liveEventOf('o', { entityType: 'comment', entityId: 'c', action: 'comment.added', changes: { ticketId: [null, 't'], internal: [null, false] } })?.i).toBe(false)
    expect(liveEventOf('o', { entityType: 'team', entityId: 'x', action: 'team.updated' })).toBeNull()
  })
})

describe.runIf(!!process.env.DATABASE_URL)('across app instances (Postgres)', () => {
  it('two listeners on separate connections both get an event published on commit', async () => {
    const { default: postgres } = await import('postgres')
    const o = await makeOrg()
    const t = await ticketIn(o, 'open')
    const clients = [postgres(process.env.DATABASE_URL!, { max: 1 }), postgres(process.env.DATABASE_URL!, { max: 1 })]
    const got: string[][] = [[], []]
    try {
      await Promise.all(clients.map((c, i) => c.listen(LIVE_CHANNEL, (p) => got[i].push(p))))
      const note = await addComment(o.agent, { number: t.number, body: 'to every instance' })
      expect(note.id).toBeTruthy()
      for (let i = 0; i < 200 && got.some((g) => !g.some((p) => p.includes(t.id))); i++) await new Promise((r) => setTimeout(r, 25))
      for (const g of got) expect(g.map((p) => JSON.parse(p))).toContainEqual({ o: o.org.id, k: 'comment', t: t.id, i: false })
    } finally {
      await Promise.all(clients.map((c) => c.end()))
    }
  })
})
