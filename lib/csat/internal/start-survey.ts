import 'server-only'
import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { csatSurveys, memberships, users } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { appOrigin } from '@/lib/http/app-origin'
import { enqueueJobs } from '@/lib/jobs/enqueue'
import { mailDomain, ticketThreadId } from '@/lib/notifications/config'
import type { TicketRow } from '@/lib/tickets/internal/load'
import { surveyToken } from '../token'

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/**
 * On resolution (lib/tickets/internal/set-status.ts): a survey row and, through the outbox,
 * the requester's email with one link per answer. It goes to the ticket's own requester only
 * (who may see it, sensitive or not), in the ticket's thread; the worker re-checks at delivery
 * that they still may, as for every notification.
 */
export async function startSurvey(tx: DbOrTx, ctx: Ctx, ticket: TicketRow): Promise<void> {
  const [requester] = await tx.select({ email: users.email, name: users.name }).from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, ctx.org.id), eq(memberships.userId, ticket.requesterId), eq(memberships.active, true)))
  if (!requester) return
  const [survey] = await tx.insert(csatSurveys).values({
    organizationId: ctx.org.id, ticketId: ticket.id, requesterId: ticket.requesterId, agentId: ticket.assigneeId, teamId: ticket.teamId,
  }).returning({ id: csatSurveys.id })
  const link = (rating: string) => `${appOrigin()}/csat/${surveyToken(survey.id)}?rating=${rating}`
  const head = `How did we do on request #${ticket.number}?`
  const portal = `${appOrigin()}/${ctx.org.slug}/portal/${ticket.number}`
  const text = [`Hello ${requester.name},`, '', `${head} One click tells us:`, '', `Good: ${link('good')}`, `Bad: ${link('bad')}`, '',
    `Or answer on the request: ${portal}`, '', `— ${ctx.org.name}`].join('\n')
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a;line-height:1.5">
<p>Hello ${escape(requester.name)},</p><p><strong>${escape(head)}</strong></p>
<p><a href="${escape(link('good'))}" style="color:#047857">👍 Good</a> &nbsp; <a href="${escape(link('bad'))}" style="color:#be123c">👎 Bad</a></p>
<p>Or answer on <a href="${escape(portal)}" style="color:#4f46e5">request #${ticket.number}</a>.</p>
<p style="color:#64748b;font-size:12px">${escape(ctx.org.name)}</p></body></html>`
  await enqueueJobs(tx, [{
    organizationId: ctx.org.id, queue: 'email',
    payload: {
      to: requester.email, userId: ticket.requesterId, ticketNumber: ticket.number, event: 'csat.survey',
      // The ticket's usual subject, so mail clients file it in the ticket's thread.
      subject: `[${ctx.org.name} #${ticket.number}] ${ticket.title}`, text, html,
      messageId: `<${randomUUID()}@${mailDomain()}>`, inReplyTo: ticketThreadId(ticket.id), references: [ticketThreadId(ticket.id)],
    },
  }])
}
