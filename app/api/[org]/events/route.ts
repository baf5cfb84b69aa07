import type { NextRequest } from 'next/server'
import { getCtx } from '@/lib/auth/ctx'
import { sessionClaims } from '@/lib/auth/session'
import { jsonRoute } from '@/lib/http/json-route'
import { liveStream } from '@/lib/live'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

/**
 * Live updates for the signed-in member of this org (issue 16): server-sent events carrying
 * only a kind and a ticket number; the page refetches what it shows through its usual,
 * visibility-filtered queries. Not a member (or not signed in) answers like any API route.
 */
export async function GET(req: NextRequest, { params }: { params: Promise<{ org: string }> }) {
  return jsonRoute(async () => {
    const { org } = await params
    const ctx = await getCtx(org)
    const stream = await liveStream(ctx, { signal: req.signal, sid: (await sessionClaims())?.sid })
    return new Response(stream, {
      headers: {
        'content-type': 'text/event-stream; charset=utf-8',
        // no-transform keeps the response from being gzip-buffered; no-store from any cache.
        'cache-control': 'private, no-store, no-transform',
        'x-accel-buffering': 'no',
        connection: 'keep-alive',
      },
    })
  })
}
