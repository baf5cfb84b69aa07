import 'server-only'
import { cookies } from 'next/headers'
import { notFound, redirect } from 'next/navigation'
import { getCtx, getCtxForEnrolment, type Ctx } from '@/lib/auth/ctx'
import { DomainError, TwoFactorRequiredError } from '@/lib/errors'
import { isValidTimeZone } from '@/lib/format/time'
import { assertTicketVisible } from '@/lib/tickets/get-ticket'
import { TICKET_NUMBER_MAX } from '@/lib/tickets/schemas'

/** The context for a page, with the user sent to sign-in or the no-access page as needed. */
export async function pageCtx(orgSlug: string, opts: { enrolment?: boolean } = {}): Promise<Ctx> {
  try {
    return await (opts.enrolment ? getCtxForEnrolment(orgSlug) : getCtx(orgSlug))
  } catch (err) {
    // Staff of an org that requires two-factor set it up before anything else (issue 18).
    if (err instanceof TwoFactorRequiredError) redirect(`/${encodeURIComponent(orgSlug)}/security?required=1`)
    const code = err instanceof DomainError ? err.code : null
    if (code === 'unauthorized') redirect('/sign-in')
    if (code === 'not_member' || code === 'forbidden') redirect(`/no-access?org=${encodeURIComponent(orgSlug)}`)
    throw err
  }
}

/** Missing and invisible rows render the same 404 page (§6). */
export async function orNotFound<T>(p: Promise<T>): Promise<T> {
  try {
    return await p
  } catch (err) {
    const code = err instanceof DomainError ? err.code : null
    if (code === 'not_found' || code === 'not_member') notFound()
    if (code === 'forbidden') redirect('/no-access')
    throw err
  }
}

export async function viewerTimeZone(ctx: Ctx): Promise<string> {
  const tz = (await cookies()).get('tz')?.value
  return isValidTimeZone(tz) ? tz : ctx.org.settings.timezone
}

/** The `[number]` segment as a ticket number, or a 404 for anything else. */
export function ticketNumberOr404(raw: string): number {
  const number = Number(raw)
  if (!/^\d+$/.test(raw) || !Number.isInteger(number) || number < 1 || number > TICKET_NUMBER_MAX) notFound()
  return number
}

/**
 * For a ticket detail layout: 404 before the page streams when the ticket is missing or
 * invisible to this person, so both answer the same status and the same page (§6).
 */
export async function visibleTicketOr404(orgSlug: string, rawNumber: string): Promise<void> {
  const number = ticketNumberOr404(rawNumber)
  await orNotFound(assertTicketVisible(await pageCtx(orgSlug), number))
}
