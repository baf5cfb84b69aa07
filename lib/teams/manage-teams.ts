import 'server-only'
import { withTx } from '@/lib/db/tx'
import { and, count, eq, inArray, isNull, sql } from 'drizzle-orm'
import { z } from 'zod'
import { assignmentHistory, routingRules, teamMembers, teams, tickets } from '@/db/schema'
import { type DbOrTx } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { diff, recordAudit } from '@/lib/audit/record'
import { ConflictError } from '@/lib/errors'
import { openStatuses } from '@/lib/tickets/workflow'
import { assertClearanceKept, sensitiveTicketsInTeam } from './clearance'
import { isUniqueViolation, loadTeam } from './load'
import { CreateTeamInput, TeamRefInput, UpdateTeamInput } from './schemas'

const nameTaken = (name: string) => new ConflictError('Name taken', { name: [`There is already a team called “${name}”`] })

async function assertNameFree(tx: DbOrTx, orgId: string, name: string, exceptId?: string) {
  const [other] = await tx.select({ id: teams.id }).from(teams)
    .where(and(eq(teams.organizationId, orgId), sql`lower(${teams.name}) = lower(${name})`))
  if (other && other.id !== exceptId) throw nameTaken(name)
}

/** Teams are settings (§2): admins only, every change audited. */
export async function createTeam(ctx: Ctx, raw: z.input<typeof CreateTeamInput>) {
  authorize(ctx, 'settings:manage')
  const input = CreateTeamInput.parse(raw)
  try {
    return await withTx(ctx, async (tx) => {
      await assertNameFree(tx, ctx.org.id, input.name)
      const [team] = await tx.insert(teams).values({ organizationId: ctx.org.id, ...input }).returning()
      await recordAudit(tx, ctx, {
        entityType: 'team', entityId: team.id, action: 'team.created',
        changes: { name: [null, team.name], restricted: [null, team.restricted], field: [null, team.field], assignmentStrategy: [null, team.assignmentStrategy] },
      })
      return team
    })
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name)
    throw err
  }
}

/**
 * Rename, restricted and field flags, and hand-out strategy. A team stops being restricted only when it
 * holds no live sensitive ticket and none of its members would be left holding one (§6).
 */
export async function updateTeam(ctx: Ctx, raw: z.input<typeof UpdateTeamInput>) {
  authorize(ctx, 'settings:manage')
  const input = UpdateTeamInput.parse(raw)
  try {
    return await withTx(ctx, async (tx) => {
      const team = await loadTeam(tx, ctx.org.id, input.teamId, { lock: true })
      const next = { name: input.name, restricted: input.restricted, field: input.field, assignmentStrategy: input.assignmentStrategy }
      const changes = diff(team, next)
      if (Object.keys(changes).length === 0) return team
      if (changes.name) await assertNameFree(tx, ctx.org.id, input.name, team.id)
      if (team.restricted && !input.restricted) {
        const n = await sensitiveTicketsInTeam(tx, ctx.org.id, team.id)
        if (n > 0) {
          throw new ConflictError(`${n} sensitive ticket${n === 1 ? ' is' : 's are'} in this team; move ${n === 1 ? 'it' : 'them'} to another restricted team first`,
            { restricted: ['A team holding sensitive tickets must stay restricted'] })
        }
        await assertClearanceKept(tx, ctx.org.id, await memberIds(tx, ctx.org.id, team.id), team.id)
      }
      const [updated] = await tx.update(teams).set(next).where(and(eq(teams.organizationId, ctx.org.id), eq(teams.id, team.id))).returning()
      await recordAudit(tx, ctx, { entityType: 'team', entityId: team.id, action: 'team.updated', changes })
      return updated
    })
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name)
    throw err
  }
}

/** What deleting a team takes with it, for the confirmation dialog. */
export async function teamFootprint(tx: DbOrTx, orgId: string, teamId: string) {
  const [[open], [rules]] = await Promise.all([
    tx.select({ n: count() }).from(tickets).where(and(eq(tickets.organizationId, orgId), eq(tickets.teamId, teamId),
      isNull(tickets.deletedAt), inArray(tickets.status, [...openStatuses]))),
    tx.select({ n: count() }).from(routingRules).where(and(eq(routingRules.organizationId, orgId), eq(routingRules.teamId, teamId))),
  ])
  return { openTickets: open.n, rules: rules.n }
}

/**
 * Deletes a team: its tickets leave the team (assignees stay; each move is in the ticket's
 * assignment history), its routing rules and memberships go with it. A restricted team
 * cannot be deleted while a member would be left holding a sensitive ticket.
 */
export async function deleteTeam(ctx: Ctx, raw: z.input<typeof TeamRefInput>) {
  authorize(ctx, 'settings:manage')
  const input = TeamRefInput.parse(raw)
  return withTx(ctx, async (tx) => {
    const team = await loadTeam(tx, ctx.org.id, input.teamId, { lock: true })
    if (team.restricted) await assertClearanceKept(tx, ctx.org.id, await memberIds(tx, ctx.org.id, team.id), team.id)
    const footprint = await teamFootprint(tx, ctx.org.id, team.id)
    const reason = `Team “${team.name}” was deleted`
    // Open tickets get a history row (they drop back to the unassigned/no-team view); all
    // rows must leave the team, since the foreign key would keep the team alive otherwise.
    await tx.execute(sql`insert into ${assignmentHistory}
        (organization_id, ticket_id, kind, from_assignee_id, to_assignee_id, from_team_id, to_team_id, actor_id, reason)
      select organization_id, id, 'assigned'::assignment_kind, assignee_id, assignee_id, team_id, null, ${ctx.user.id}::uuid, ${reason}::text
      from ${tickets}
      where organization_id = ${ctx.org.id} and team_id = ${team.id} and deleted_at is null
        and status in (${sql.join(openStatuses.map((s) => sql`${s}`), sql`, `)})`)
    await tx.update(tickets).set({ teamId: null }).where(and(eq(tickets.organizationId, ctx.org.id), eq(tickets.teamId, team.id)))
    await tx.delete(teams).where(and(eq(teams.organizationId, ctx.org.id), eq(teams.id, team.id)))
    await recordAudit(tx, ctx, {
      entityType: 'team', entityId: team.id, action: 'team.deleted',
      changes: { name: [team.name, null], restricted: [team.restricted, null], openTickets: [footprint.openTickets, 0], rules: [footprint.rules, 0] },
    })
    return footprint
  })
}

export async function memberIds(tx: DbOrTx, orgId: string, teamId: string): Promise<string[]> {
  const rows = await tx.select({ userId: teamMembers.userId }).from(teamMembers)
    .where(and(eq(teamMembers.organizationId, orgId), eq(teamMembers.teamId, teamId)))
  return rows.map((r) => r.userId)
}
