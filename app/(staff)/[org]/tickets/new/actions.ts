'use server'
import { runAction } from '@/lib/actions/run-action'
import type { ActionState } from '@/lib/actions/state'
import { addCaller } from '@/lib/members'
import { AddCallerInput } from '@/lib/members/schemas'

/** "Add new caller" on the new-ticket page: the new requester comes back to be picked. */
export async function addCallerAction(_prev: ActionState, form: FormData) {
  return runAction(form, AddCallerInput, (ctx, input) => addCaller(ctx, input))
}
