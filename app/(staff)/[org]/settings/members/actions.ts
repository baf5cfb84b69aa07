'use server'
import { revalidatePath } from 'next/cache'
import type { Ctx } from '@/lib/auth/ctx'
import { runAction } from '@/lib/actions/run-action'
import type { ActionState } from '@/lib/actions/state'
import { addMember, changeRole, setMemberActive } from '@/lib/members'
import { AddMemberInput, ChangeRoleInput, SetActiveInput } from '@/lib/members/schemas'

// Member changes show up in the audit log too, so both settings pages are refreshed.
const refresh = (ctx: Ctx) => revalidatePath(`/${ctx.org.slug}/settings`, 'layout')

export async function addMemberAction(_prev: ActionState, form: FormData) {
  return runAction(form, AddMemberInput, async (ctx, input) => {
    const user = await addMember(ctx, input)
    refresh(ctx)
    return { email: user.email }
  })
}

export async function changeRoleAction(_prev: ActionState, form: FormData) {
  return runAction(form, ChangeRoleInput, async (ctx, input) => {
    await changeRole(ctx, input)
    refresh(ctx)
    return { role: input.role }
  })
}

export async function setActiveAction(_prev: ActionState, form: FormData) {
  return runAction(form, SetActiveInput, async (ctx, input) => {
    await setMemberActive(ctx, input)
    refresh(ctx)
    return { active: input.active }
  })
}
