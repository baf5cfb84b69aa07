import 'server-only'
import type { Ctx } from '@/lib/auth/ctx-type'
import { getDb } from '@/db/client'
import { loadCtx } from '@/lib/auth/load-ctx'
import { subscribeLive } from './bus'
import { liveEventForViewer } from './for-viewer'
import type { LiveEvent } from './events'

const enc = new TextEncoder()
/** A comment line keeps proxies from closing an idle stream. */
const KEEPALIVE_MS = 25_000
/** The viewer's membership, role and clearance are re-read this often while the stream is open. */
const RECHECK_MS = 60_000
/**
 * A stream ends after this and the browser reconnects (EventSource does so by itself), so
 * no stream outlives its session for long and long-lived connections spread across instances.
 */
const MAX_AGE_MS = 15 * 60_000

/**
 * A server-sent-events stream of one viewer's live events. The viewer's ctx is rebuilt from
 * the database now and then (which throws — ending the stream — once they are no longer a
 * member, or `sid` was signed out); each event is re-checked against the current ctx before
 * it is written.
 */
export async function liveStream(initial: Ctx, opts: { signal: AbortSignal; sid?: string }): Promise<ReadableStream<Uint8Array>> {
  const reload = async () => loadCtx(await getDb(), initial.user.id, initial.org.slug, initial.ip, { sid: opts.sid })
  let ctx = initial
  let checkedAt = Date.now()
  let closed = false
  let queue = Promise.resolve()
  let controller!: ReadableStreamDefaultController<Uint8Array>
  const timers: NodeJS.Timeout[] = []

  const write = (text: string) => {
    if (!closed) try { controller.enqueue(enc.encode(text)) } catch { close() }
  }
  const onEvent = (e: LiveEvent) => {
    if (e.o !== ctx.org.id) return
    // One at a time, in commit order: a re-check never lets a later event overtake an earlier one.
    queue = queue.then(async () => {
      if (closed) return
      if (Date.now() - checkedAt > RECHECK_MS) {
        ctx = await reload()
        checkedAt = Date.now()
      }
      const out = await liveEventForViewer(ctx, e)
      if (out) write(`event: live\ndata: ${JSON.stringify(out)}\n\n`)
    }).catch(() => close())
  }
  // Subscribed before the stream is returned: anything committed after the page asked is seen.
  const unsubscribe = await subscribeLive(onEvent)
  function close() {
    if (closed) return
    closed = true
    for (const t of timers) clearTimeout(t)
    void unsubscribe()
    try { controller.close() } catch { /* already closed by the client */ }
  }
  opts.signal.addEventListener('abort', close)

  return new ReadableStream<Uint8Array>({
    start(c) {
      controller = c
      write(`retry: 3000\nevent: ready\ndata: {}\n\n`)
      timers.push(setInterval(() => write(': keep-alive\n\n'), KEEPALIVE_MS), setTimeout(close, MAX_AGE_MS))
    },
    cancel: close,
  })
}
