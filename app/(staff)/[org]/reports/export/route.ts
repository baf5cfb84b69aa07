import type { NextRequest } from 'next/server'
import { getCtx } from '@/lib/auth/ctx'
import { DomainError } from '@/lib/errors'
import { httpStatus } from '@/lib/http/problem'
import { reportCsv, reportKinds, type ReportKind } from '@/lib/insight'
import { viewerTimeZone } from '@/lib/pages/guard'

export const dynamic = 'force-dynamic'

/** The reports page's "Download CSV": the same URL state (`?by=team&from=…&to=…&team=…`), for the signed-in person, days in their zone. */
export async function GET(req: NextRequest, { params }: { params: Promise<{ org: string }> }) {
  try {
    const { org } = await params
    const ctx = await getCtx(org)
    const q = Object.fromEntries(req.nextUrl.searchParams)
    const by: ReportKind = (reportKinds as readonly string[]).includes(q.by) ? (q.by as ReportKind) : 'agent'
    const { filename, body } = await reportCsv(ctx, q, { by, timeZone: await viewerTimeZone(ctx) })
    return new Response(body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"`,
        'cache-control': 'no-store', 'x-content-type-options': 'nosniff',
      },
    })
  } catch (err) {
    const status = err instanceof DomainError ? httpStatus[err.code] : 500
    if (status === 500) console.error('report export failed', err)
    // Not a member, or a requester: the same 404 as any hidden thing (no hint the report exists).
    const shown = status === 401 ? 401 : status === 500 ? 500 : 404
    return new Response(shown === 404 ? 'Not found' : shown === 401 ? 'Sign in first' : 'Something went wrong on our side. Please try again.',
      { status: shown, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } })
  }
}
