import 'server-only'
import { and, eq } from 'drizzle-orm'
import { memberships, teamMembers } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { systemCtx } from '@/lib/auth/system'
import { applyAssignment } from '@/lib/tickets/internal/apply-assignment'
import { isCleared, type TicketRow } from '@/lib/tickets/internal/load'
import { factsOf, loadRouting } from '../load'
import { pickRoute } from '../match'
import { pickAgent } from '../pick-agent'

/**
 * A ticket that has just become sensitive (flagged, or moved into a sensitive category) may
 * sit in an open team or with an uncleared agent. It is moved at once, in the same
 * transaction: out of the open team into a restricted one (routing rules first, else the
 * first restricted team), and away from anyone not cleared for it (§6).
 */
export async function confineSensitive(tx: DbOrTx, ctx: Ctx, ticket: TicketRow) {
  const orgId = ctx.org.id
  const { rules, teams } = await loadRouting(tx, orgId)
  const team = teams.find((t) => t.id === ticket.teamId)
  const teamOk = !team || team.restricted
  const assigneeOk = !ticket.assigneeId || await clearedOrAdmin(tx, orgId, ticket.assigneeId)
  if (teamOk && assigneeOk) return

  let teamId = teamOk ? ticket.teamId : null
  let assigneeId = assigneeOk ? ticket.assigneeId : null
  if (!teamOk) {
    const d = pickRoute(rules, teams, { ...(await factsOf(tx, ticket)), sensitive: true })
    teamId = (d.team ?? teams.find((t) => t.restricted))?.id ?? null
    if (teamId && assigneeId && !(await inTeam(tx, orgId, teamId, assigneeId))) assigneeId = null
  }
  if (teamId && !assigneeId) assigneeId = await pickAgent(tx, orgId, teamId)
  await applyAssignment(tx, systemCtx(ctx.org), ticket, { teamId, assigneeId }, {
    kind: 'routed', reason: 'The ticket became sensitive: only restricted teams and cleared people may hold it',
  })
}

async function clearedOrAdmin(tx: DbOrTx, orgId: string, userId: string) {
  const [m] = await tx.select({ role: memberships.role }).from(memberships)
    .where(and(eq(memberships.organizationId, orgId), eq(memberships.userId, userId)))
  return m?.role === 'admin' || isCleared(tx, orgId, userId)
}

async function inTeam(tx: DbOrTx, orgId: string, teamId: string, userId: string) {
  const [row] = await tx.select({ one: teamMembers.userId }).from(teamMembers)
    .where(and(eq(teamMembers.organizationId, orgId), eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)))
  return !!row
}
