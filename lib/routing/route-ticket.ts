import 'server-only'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { assignmentHistory } from '@/db/schema'
import { getDb, type DbOrTx } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { systemCtx } from '@/lib/auth/system'
import { authorize } from '@/lib/authz/can'
import { ValidationError } from '@/lib/errors'
import { applyAssignment } from '@/lib/tickets/internal/apply-assignment'
import { checkAssignment } from '@/lib/tickets/internal/assignment-rules'
import { loadVisibleTicket, type TicketRow } from '@/lib/tickets/internal/load'
import { TicketRefInput } from '@/lib/tickets/schemas'
import { decideRoute, factsFrom, factsOf, loadRouting } from './load'
import { pickRoute } from './match'
import type { RouteDecision } from './match'
import { pickAgent } from './pick-agent'

function because(d: RouteDecision): string {
  if (d.via === 'rule') return `Rule “${d.rule!.name}”`
  return `Sensitive ticket: the matching rules send to teams that are not restricted, so it went to ${d.team!.name}`
}

/**
 * Routes a ticket as it is created, inside createTicket's transaction (§6). Staff may name
 * the team; otherwise the first matching rule picks it (sensitive tickets: restricted teams
 * only, see `pickRoute`). The team's strategy then picks the agent. Routing acts as the
 * system; the ticket opens if an agent got it, without a second notice to the requester.
 * createTicket may hand over the org's rules and teams and the requester's email, read
 * together with its other lookups, to save routing its own round trips.
 */
export async function routeNewTicket(tx: DbOrTx, ctx: Ctx, ticket: TicketRow, opts: {
  teamId?: string; routing?: Awaited<ReturnType<typeof loadRouting>>; requesterEmail?: string | null
} = {}) {
  let teamId: string
  let reason: string | null
  if (opts.teamId) {
    await checkAssignment(tx, ctx.org.id, ticket, { teamId: opts.teamId, assigneeId: null })
    teamId = opts.teamId
    reason = `Team chosen by ${ctx.user.name} when logging the ticket`
  } else {
    const facts = opts.requesterEmail === undefined ? await factsOf(tx, ticket) : factsFrom(ticket, opts.requesterEmail)
    const { rules, teams } = opts.routing ?? await loadRouting(tx, ctx.org.id)
    const decision = pickRoute(rules, teams, facts)
    if (!decision.team) return
    teamId = decision.team.id
    reason = because(decision)
  }
  const assigneeId = await pickAgent(tx, ctx.org.id, teamId)
  await applyAssignment(tx, systemCtx(ctx.org), ticket, { teamId, assigneeId }, { kind: 'routed', reason, quiet: true })
}

/**
 * "Auto-assign" (§6): routing again for an existing ticket. A matching rule picks the team,
 * else the ticket stays in its own; the team's strategy picks the agent, passing over
 * anyone who already rejected this ticket.
 */
export async function autoAssign(ctx: Ctx, raw: z.input<typeof TicketRefInput>) {
  authorize(ctx, 'ticket:assign')
  const input = TicketRefInput.parse(raw)
  const db = await getDb()
  return db.transaction(async (tx) => {
    const ticket = await loadVisibleTicket(tx, ctx, input.number, { lock: true })
    const decision = await decideRoute(tx, ctx.org.id, await factsOf(tx, ticket))
    const teamId = decision.team?.id ?? ticket.teamId
    if (!teamId) throw new ValidationError('No routing rule matches this ticket and it has no team; choose a team or add a rule')
    // The kept team still has to be allowed (a sensitive ticket sitting in an open team).
    await checkAssignment(tx, ctx.org.id, ticket, { teamId, assigneeId: null })
    const rejected = await tx.select({ id: assignmentHistory.fromAssigneeId }).from(assignmentHistory).where(and(
      eq(assignmentHistory.organizationId, ctx.org.id), eq(assignmentHistory.ticketId, ticket.id), eq(assignmentHistory.kind, 'rejected')))
    const assigneeId = await pickAgent(tx, ctx.org.id, teamId, { exclude: rejected.map((r) => r.id!).filter(Boolean) })
    if (teamId === ticket.teamId && assigneeId === ticket.assigneeId) return { ticket, changed: false }
    const reason = decision.team ? because(decision) : 'No rule matched; handed out within its team'
    await applyAssignment(tx, ctx, ticket, { teamId, assigneeId }, { kind: 'routed', reason })
    return { ticket, changed: true }
  })
}
