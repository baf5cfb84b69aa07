import 'server-only'
import { cookies } from 'next/headers'
import { notFound, redirect } from 'next/navigation'
import { getCtx, type Ctx } from '@/lib/auth/ctx'
import { ForbiddenError, NotFoundError, UnauthorizedError } from '@/lib/errors'
import { isValidTimeZone } from '@/lib/format/time'

/** The context for a page, with the user sent to sign-in or the no-access page as needed. */
export async function pageCtx(orgSlug: string): Promise<Ctx> {
  try {
    return await getCtx(orgSlug)
  } catch (err) {
    if (err instanceof UnauthorizedError) redirect('/sign-in')
    if (err instanceof ForbiddenError) redirect(`/no-access?org=${encodeURIComponent(orgSlug)}`)
    throw err
  }
}

/** Missing and invisible rows render the same 404 page (§6). */
export async function orNotFound<T>(p: Promise<T>): Promise<T> {
  try {
    return await p
  } catch (err) {
    if (err instanceof NotFoundError) notFound()
    if (err instanceof ForbiddenError) redirect('/no-access')
    throw err
  }
}

export async function viewerTimeZone(ctx: Ctx): Promise<string> {
  const tz = (await cookies()).get('tz')?.value
  return isValidTimeZone(tz) ? tz : ctx.org.settings.timezone
}
