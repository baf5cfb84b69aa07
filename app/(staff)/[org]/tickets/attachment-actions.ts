'use server'
import { revalidatePath } from 'next/cache'
import { runAction } from '@/lib/actions/run-action'
import type { ActionState } from '@/lib/actions/state'
import { deleteAttachment } from '@/lib/attachments'
import { AttachmentRefInput } from '@/lib/attachments/schemas'

// Shared by the workspace and the portal, like ../actions.ts: the data-access layer decides who may delete.
export async function deleteAttachmentAction(_prev: ActionState, form: FormData) {
  return runAction(form, AttachmentRefInput, async (ctx, input) => {
    await deleteAttachment(ctx, input)
    revalidatePath(`/${ctx.org.slug}`, 'layout')
  })
}
