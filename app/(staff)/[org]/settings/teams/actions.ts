'use server'
import { revalidatePath } from 'next/cache'
import type { Ctx } from '@/lib/auth/ctx'
import { runAction } from '@/lib/actions/run-action'
import type { ActionState } from '@/lib/actions/state'
import { createTeam, deleteTeam, updateTeam } from '@/lib/teams'
import { CreateTeamInput, TeamMemberInput, TeamRefInput, UpdateTeamInput } from '@/lib/teams/schemas'
import { addTeamMember, removeTeamMember } from '@/lib/teams'

// Teams show up in queues, pickers and the audit log across the org's pages: refresh them all.
const refresh = (ctx: Ctx) => revalidatePath(`/${ctx.org.slug}`, 'layout')

export async function createTeamAction(_prev: ActionState, form: FormData) {
  return runAction(form, CreateTeamInput, async (ctx, input) => {
    const team = await createTeam(ctx, input)
    refresh(ctx)
    return { name: team.name }
  })
}

export async function updateTeamAction(_prev: ActionState, form: FormData) {
  return runAction(form, UpdateTeamInput, async (ctx, input) => {
    await updateTeam(ctx, input)
    refresh(ctx)
  })
}

export async function deleteTeamAction(_prev: ActionState, form: FormData) {
  return runAction(form, TeamRefInput, async (ctx, input) => {
    await deleteTeam(ctx, input)
    refresh(ctx)
  })
}

export async function addTeamMemberAction(_prev: ActionState, form: FormData) {
  return runAction(form, TeamMemberInput, async (ctx, input) => {
    await addTeamMember(ctx, input)
    refresh(ctx)
  })
}

export async function removeTeamMemberAction(_prev: ActionState, form: FormData) {
  return runAction(form, TeamMemberInput, async (ctx, input) => {
    await removeTeamMember(ctx, input)
    refresh(ctx)
  })
}
