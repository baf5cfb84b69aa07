import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { jobs, notifications, organizations, users } from '@/db/schema'
import { ForbiddenError } from '@/lib/errors'
import { addComment } from '@/lib/comments/add-comment'
import { changeStatus } from '@/lib/tickets/change-status'
import { makeOrg, type TestOrg } from '@/test/factory'
import { allowPrivateWebhooks } from '@/test/webhooks'
import { auditCount, fieldErrorsOf, ticketIn } from '@/test/tickets'
import { addWebhook } from './admin'
import { getNotificationSettings, saveEventNotification, saveNotificationGeneral } from './org-notifications'
import { saveMyPhone, getMyPhone } from './phone'

const emailsTo = async (o: TestOrg, email: string) => (await o.db.select({ payload: jobs.payload }).from(jobs)
  .where(and(eq(jobs.organizationId, o.org.id), eq(jobs.queue, 'email')))).map((j) => j.payload).filter((p) => p.to === email)
const inApp = async (o: TestOrg, userId: string, event: string) => o.db.select().from(notifications)
  .where(and(eq(notifications.organizationId, o.org.id), eq(notifications.userId, userId), eq(notifications.event, event as 'ticket.resolved')))
const settingsOf = async (o: TestOrg) => (await o.db.select({ s: organizations.settings }).from(organizations).where(eq(organizations.id, o.org.id)))[0].s
/** Contexts carry the org's settings as of their request: re-read them after a save, as the next request would. */
const fresh = async (o: TestOrg) => ({ admin: await o.reload(o.admin), agent: await o.reload(o.agent), requester: await o.reload(o.requester) })

describe('organisation notification settings', () => {
  it('only admins read or change them; each change is audited; other orgs keep theirs', async () => {
    const a = await makeOrg()
    const b = await makeOrg()
    for (const ctx of [a.agent, a.requester]) {
      await expect(getNotificationSettings(ctx)).rejects.toBeInstanceOf(ForbiddenError)
      await expect(saveEventNotification(ctx, { event: 'ticket.created', enabled: false })).rejects.toBeInstanceOf(ForbiddenError)
      await expect(saveNotificationGeneral(ctx, { autoCloseDays: 1, smsWebhook: true })).rejects.toBeInstanceOf(ForbiddenError)
    }
    await saveEventNotification(a.admin, { event: 'ticket.resolved', enabled: true, requester: true, assignee: true, subject: 'Done: #{{ticket.number}}' })
    await saveNotificationGeneral(a.admin, { autoCloseDays: 3, smsWebhook: true })
    const s = await getNotificationSettings(a.admin)
    expect(s.events.find((e) => e.event === 'ticket.resolved')).toMatchObject({ enabled: true, requester: true, assignee: true, subject: 'Done: #{{ticket.number}}', body: null })
    expect(s).toMatchObject({ autoCloseDays: 3, smsWebhook: true })
    expect((await settingsOf(a)).timezone).toBe('UTC') // the merge keeps the other settings
    expect(await auditCount(a, 'notification_setting.updated')).toBe(2)
    const other = await getNotificationSettings(b.admin)
    expect(other.events.find((e) => e.event === 'ticket.resolved')).toMatchObject({ assignee: false, subject: null })
    expect(other.autoCloseDays).toBe(7)
  })

  it('refuses unknown placeholders on the field, and stores no switch an event does not offer', async () => {
    const o = await makeOrg()
    const errors = await fieldErrorsOf(saveEventNotification(o.admin, { event: 'ticket.created', enabled: true, subject: 'Hi {{requester.nme}}', body: '{{internal.note}}' }))
    expect(errors.subject?.[0]).toMatch(/Unknown placeholder \{\{requester\.nme\}\}/)
    expect(errors.body?.[0]).toMatch(/\{\{internal\.note\}\}/)
    expect((await fieldErrorsOf(saveNotificationGeneral(o.admin, { autoCloseDays: -1, smsWebhook: false })))).toHaveProperty('autoCloseDays')
    await saveEventNotification(o.admin, { event: 'sla.breached', enabled: true, requester: true, assignee: true })
    expect((await getNotificationSettings(o.admin)).events.find((e) => e.event === 'sla.breached')).toMatchObject({ requester: false, assignee: true })
    expect(await auditCount(o, 'notification_setting.updated')).toBe(0) // nothing changed
  })

  it('"job completed" reaches the technician too when asked, in the org\'s words', async () => {
    const o = await makeOrg()
    await saveEventNotification(o.admin, {
      event: 'ticket.resolved', enabled: true, requester: true, assignee: true,
      subject: '{{org.name}}: job #{{ticket.number}} done', body: 'Dear {{recipient.name}},\n{{actor.name}} closed the job: {{excerpt}}\n{{ticket.link}}',
    })
    const t = await ticketIn(o, 'in_progress')
    const { admin } = await fresh(o)
    await changeStatus(admin, { number: t.number, to: 'resolved', note: 'Lamp replaced' })
    for (const who of [o.agent, o.requester]) {
      const [mail] = (await emailsTo(o, who.user.email)).filter((p) => p.event === 'ticket.resolved')
      expect(mail, who.user.email).toBeDefined()
      expect(mail.subject).toBe(`${o.org.name}: job #${t.number} done`)
      expect(mail.text).toContain(`Dear ${who.user.name},\n${o.admin.user.name} closed the job: Lamp replaced`)
      expect(mail.html).toContain('<a href="')
    }
    expect(await inApp(o, o.agent.user.id, 'ticket.resolved')).toHaveLength(1)
  })

  it('an event switched off notifies no one; a requester switched off is not told', async () => {
    const o = await makeOrg()
    await saveEventNotification(o.admin, { event: 'ticket.replied', enabled: false, requester: true, assignee: true })
    await saveEventNotification(o.admin, { event: 'ticket.status_changed', enabled: true, requester: false, assignee: false })
    const t = await ticketIn(o, 'in_progress')
    // Counted per event: ticketIn's own steps notified with the defaults (rows come back in no set order on Postgres).
    const counts = async () => Object.fromEntries(['ticket.replied', 'ticket.status_changed', 'ticket.resolved'].map((e) => [e, 0])) as Record<string, number>
    const tally = async () => {
      const out = await counts()
      for (const m of await emailsTo(o, o.requester.user.email)) if (String(m.event) in out) out[String(m.event)]++
      return out
    }
    const before = await tally()
    const { agent } = await fresh(o)
    await addComment(agent, { number: t.number, body: 'On my way', internal: false })
    await changeStatus(agent, { number: t.number, to: 'pending' })
    await changeStatus(agent, { number: t.number, to: 'in_progress' })
    await changeStatus(agent, { number: t.number, to: 'resolved', note: 'Fixed' })
    // Untouched events keep their default.
    expect(await tally()).toEqual({ ...before, 'ticket.resolved': before['ticket.resolved'] + 1 })
  })

  describe('the SMS/WhatsApp webhook channel', () => {
    allowPrivateWebhooks()
    it('texts a requester with a phone number about their public ticket, never about a sensitive one, never the title', async () => {
      const o = await makeOrg()
      await addWebhook(o.admin, { url: 'http://127.0.0.1:9/sms', secret: 'a-very-long-secret-123' })
      await saveNotificationGeneral(o.admin, { autoCloseDays: 7, smsWebhook: true })
      expect(await saveMyPhone(o.requester, { phone: '+44 20 7946-0958' })).toEqual({ phone: '+442079460958' })
      expect(await getMyPhone(o.requester)).toBe('+442079460958')
      const ctx = (await fresh(o)).requester
      const open = await ticketIn({ ...o, requester: ctx }, 'new')
      const secret = await ticketIn({ ...o, requester: ctx }, 'new', { sensitive: true })
      const hooks = (await o.db.select({ payload: jobs.payload }).from(jobs).where(and(eq(jobs.organizationId, o.org.id), eq(jobs.queue, 'webhook')))).map((j) => j.payload)
      const of = (n: number) => hooks.find((h) => (h.ticket as { number: number }).number === n)!
      expect(of(open.number).sms).toEqual({ to: '+442079460958', text: expect.stringContaining(`Ticket #${open.number} was received`) })
      expect(JSON.stringify(of(open.number).sms)).not.toContain(open.title)
      expect(of(secret.number).sms).toBeUndefined()
      expect(JSON.stringify(of(secret.number))).not.toContain('+442079460958')
    })

    it('a phone number is the person\'s own, checked, and its change audited without the number', async () => {
      const o = await makeOrg()
      expect(await fieldErrorsOf(saveMyPhone(o.requester, { phone: 'call me' }))).toHaveProperty('phone')
      await saveMyPhone(o.requester, { phone: '555 123 4567' })
      await saveMyPhone(o.requester, { phone: '' })
      const [u] = await o.db.select({ phone: users.phone }).from(users).where(eq(users.id, o.requester.user.id))
      expect(u.phone).toBeNull()
      expect(await auditCount(o, 'user.phone_changed', o.requester.user.id)).toBe(2)
    })
  })
})
