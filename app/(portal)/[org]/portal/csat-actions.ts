'use server'
import { revalidatePath } from 'next/cache'
import { runAction } from '@/lib/actions/run-action'
import type { ActionState } from '@/lib/actions/state'
import { answerSurveyInPortal } from '@/lib/csat'
import { AnswerSurveyInPortalInput } from '@/lib/csat/schemas'

export async function answerSurveyInPortalAction(_prev: ActionState, form: FormData) {
  return runAction(form, AnswerSurveyInPortalInput, async (ctx, input) => {
    await answerSurveyInPortal(ctx, input)
    revalidatePath(`/${ctx.org.slug}/portal/${input.number}`)
  })
}
