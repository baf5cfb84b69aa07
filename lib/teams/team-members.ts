import 'server-only'
import { withTx } from '@/lib/db/tx'
import { and, eq, inArray } from 'drizzle-orm'
import { z } from 'zod'
import { memberships, teamMembers, users } from '@/db/schema'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { recordAudit } from '@/lib/audit/record'
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors'
import { assertClearanceKept } from './clearance'
import { loadTeam } from './load'
import { TeamMemberInput } from './schemas'

/**
 * Adds an agent or admin of the organisation to a team; someone may sit in several.
 * Joining a restricted team clears them to see sensitive tickets from their next request.
 */
export async function addTeamMember(ctx: Ctx, raw: z.input<typeof TeamMemberInput>) {
  authorize(ctx, 'settings:manage')
  const input = TeamMemberInput.parse(raw)
  return withTx(ctx, async (tx) => {
    const team = await loadTeam(tx, ctx.org.id, input.teamId, { lock: true })
    const [person] = await tx.select({ name: users.name, role: memberships.role }).from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, ctx.org.id), eq(memberships.userId, input.userId),
        eq(memberships.active, true), inArray(memberships.role, ['agent', 'admin'])))
    if (!person) throw new ValidationError('Not an agent', { userId: ['Choose an active agent or admin of this organisation'] })
    const [inserted] = await tx.insert(teamMembers).values({ organizationId: ctx.org.id, teamId: team.id, userId: input.userId })
      .onConflictDoNothing().returning()
    if (!inserted) throw new ConflictError('Already a member', { userId: [`${person.name} is already in ${team.name}`] })
    await recordAudit(tx, ctx, {
      entityType: 'team', entityId: team.id, action: 'team.member_added',
      changes: { userId: [null, input.userId], ...(team.restricted ? { cleared: [null, true] } : {}) },
    })
  })
}

/** Removes someone from a team; from a restricted one only if they hold no sensitive ticket that would need them cleared. */
export async function removeTeamMember(ctx: Ctx, raw: z.input<typeof TeamMemberInput>) {
  authorize(ctx, 'settings:manage')
  const input = TeamMemberInput.parse(raw)
  return withTx(ctx, async (tx) => {
    const team = await loadTeam(tx, ctx.org.id, input.teamId, { lock: true })
    if (team.restricted) await assertClearanceKept(tx, ctx.org.id, [input.userId], team.id)
    const removed = await tx.delete(teamMembers).where(and(
      eq(teamMembers.organizationId, ctx.org.id), eq(teamMembers.teamId, team.id), eq(teamMembers.userId, input.userId),
    )).returning()
    if (removed.length === 0) throw new NotFoundError('That person is not in this team')
    await recordAudit(tx, ctx, { entityType: 'team', entityId: team.id, action: 'team.member_removed', changes: { userId: [input.userId, null] } })
  })
}
