'use server'
import { headers } from 'next/headers'
import { toActionState } from '@/lib/actions/run-action'
import type { ActionState } from '@/lib/actions/state'
import { answerSurvey } from '@/lib/csat'
import { clientIp } from '@/lib/http/client-ip'

/** The public survey form: no session, no org in the form — the signed token is the authority. */
export async function answerSurveyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    await answerSurvey({ token: String(form.get('token') ?? ''), rating: String(form.get('rating') ?? '') as 'good', comment: String(form.get('comment') ?? '') },
      { ip: clientIp(await headers()) })
    return { ok: true, at: Date.now() }
  } catch (err) {
    return toActionState(err)
  }
}
