import type { NextRequest } from 'next/server'
import { ZodError } from 'zod'
import { getCtx } from '@/lib/auth/ctx'
import { DomainError } from '@/lib/errors'
import { httpStatus } from '@/lib/http/problem'
import { viewerTimeZone } from '@/lib/pages/guard'
import { csvHeaders, exportTickets } from '@/lib/tickets'

export const dynamic = 'force-dynamic'

/**
 * The list's "Export CSV": the same URL state as the list (`?status=open&q=…`) plus
 * `columns=`, for the signed-in person, times in their zone. Streams; a browser shows the
 * download's progress as it arrives.
 */
export async function GET(req: NextRequest, { params }: { params: Promise<{ org: string }> }) {
  try {
    const { org } = await params
    const ctx = await getCtx(org)
    const query: Record<string, string> = Object.fromEntries(req.nextUrl.searchParams)
    const { filename, stream } = await exportTickets(ctx, { query, columns: query.columns }, { timeZone: await viewerTimeZone(ctx) })
    return new Response(stream, { headers: csvHeaders(filename) })
  } catch (err) {
    return refuse(err)
  }
}

/** Plain text, for a person who followed the link: what went wrong, never a stack trace. */
function refuse(err: unknown): Response {
  const status = err instanceof ZodError ? 422 : err instanceof DomainError ? httpStatus[err.code] : 500
  if (status === 500) console.error('ticket export failed', err)
  const message = err instanceof ZodError ? err.issues.map((i) => i.message).join('\n')
    : status === 404 ? 'Not found' : status === 500 ? 'Something went wrong on our side. Please try again.' : (err as Error).message
  return new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } })
}
