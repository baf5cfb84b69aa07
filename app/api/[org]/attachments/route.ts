import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import { NextResponse, type NextRequest } from 'next/server'
import { getCtx } from '@/lib/auth/ctx'
import { jsonRoute, sameOrigin } from '@/lib/attachments/http'
import { stageUpload } from '@/lib/attachments'
import { ValidationError } from '@/lib/errors'
import { TICKET_NUMBER_MAX } from '@/lib/tickets/schemas'

export const dynamic = 'force-dynamic'

/**
 * The staging endpoint (§8): one file per request, multipart field `file`, streamed to
 * storage. Answers the upload's id, which the reply or new-ticket form then submits.
 * `?ticket=<number>` checks the ticket's total early.
 */
export async function POST(req: NextRequest, { params }: { params: Promise<{ org: string }> }) {
  return jsonRoute(async () => {
    if (!sameOrigin(req)) return NextResponse.json({ message: 'Cross-site upload refused' }, { status: 403 })
    const ctx = await getCtx((await params).org)
    if (!req.body) throw new ValidationError('The upload contained no file.')
    const raw = req.nextUrl.searchParams.get('ticket')
    const n = raw ? Number(raw) : null
    const staged = await stageUpload(ctx, {
      body: Readable.fromWeb(req.body as unknown as NodeReadableStream<Uint8Array>),
      contentType: req.headers.get('content-type') ?? '',
      contentLength: Number(req.headers.get('content-length')) || null,
      ticketNumber: n && Number.isInteger(n) && n > 0 && n <= TICKET_NUMBER_MAX ? n : null,
    })
    return NextResponse.json(staged, { status: 201, headers: { 'cache-control': 'no-store' } })
  })
}
