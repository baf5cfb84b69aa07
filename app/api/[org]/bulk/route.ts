import type { NextRequest } from 'next/server'
import { getCtx } from '@/lib/auth/ctx'
import { actionStateFor } from '@/lib/actions/run-action'
import { jsonRoute } from '@/lib/http/json-route'
import { sameOrigin } from '@/lib/http/same-origin'
import { viewerTimeZone } from '@/lib/pages/guard'
import { bulkUpdate } from '@/lib/tickets'
import { ValidationError } from '@/lib/errors'

export const dynamic = 'force-dynamic'

/** The selection is ids or the list's filters: 1,000 uuids is ~40 kB. */
const MAX_BODY = 200_000

/**
 * The list's bulk bar (§11): one action over many tickets in one transaction, answered as
 * NDJSON so the bar can show how far it has got — `{"progress":[done,total]}` after each
 * ticket, then `{"result":…}` or `{"error":…}` (an ActionState). Refusals before the work
 * starts (not signed in, not a member, cross-site, too large) are plain HTTP errors.
 */
export async function POST(req: NextRequest, { params }: { params: Promise<{ org: string }> }) {
  return jsonRoute(async () => {
    // JSON cannot be posted cross-site without a preflight, and the origin is checked too.
    if (!sameOrigin(req) || !req.headers.get('content-type')?.startsWith('application/json')) {
      return Response.json({ message: 'Cross-site request refused' }, { status: 403 })
    }
    const ctx = await getCtx((await params).org)
    const text = await req.text()
    if (text.length > MAX_BODY) throw new ValidationError('The selection is too large')
    let payload: unknown
    try {
      payload = JSON.parse(text)
    } catch {
      throw new ValidationError('The request was malformed; reload the page and try again')
    }
    const timeZone = await viewerTimeZone(ctx)
    const encoder = new TextEncoder()
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const send = (line: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`))
        let last = 0
        const onProgress = (done: number, total: number) => {
          // At most ~10 lines a second, and always the first and the last.
          const now = Date.now()
          if (done !== 0 && done !== total && now - last < 100) return
          last = now
          send({ progress: [done, total] })
        }
        bulkUpdate(ctx, payload as Parameters<typeof bulkUpdate>[1], { timeZone, onProgress })
          .then((result) => send({ result }))
          .catch((err: unknown) => send({ error: actionStateFor(err, 'en') }))
          .finally(() => controller.close())
      },
    })
    return new Response(stream, { headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } })
  })
}
