import 'server-only'
import { EventEmitter } from 'node:events'
import { getHandle } from '@/db/client'
import { LIVE_CHANNEL, type LiveEvent } from './events'

// One LISTEN per process (one connection on Postgres), fanned out in memory to every open
// stream of this instance: a thousand open tabs cost one database connection, not a thousand.
type Bus = { emitter: EventEmitter; started: Promise<() => Promise<void>> | null; count: number }
const g = globalThis as unknown as { __helpdeskLive?: Bus }
const bus = (g.__helpdeskLive ??= { emitter: new EventEmitter().setMaxListeners(0), started: null, count: 0 })

function parse(payload: string): LiveEvent | null {
  try {
    const e = JSON.parse(payload) as LiveEvent
    return typeof e?.o === 'string' && typeof e.k === 'string' ? e : null
  } catch {
    return null
  }
}

async function start(): Promise<() => Promise<void>> {
  const handle = await getHandle()
  if (!handle.listen) throw new Error('live updates need LISTEN, which this database handle lacks')
  return handle.listen(LIVE_CHANNEL, (payload) => {
    const e = parse(payload)
    if (e) bus.emitter.emit('event', e)
  })
}

/**
 * Calls `fn` with every live event of every organisation committed from now on (by any
 * instance). Resolves once LISTEN is in place, so nothing committed after it is missed.
 * Returns the unsubscribe; the LISTEN ends with the last subscriber.
 */
export async function subscribeLive(fn: (e: LiveEvent) => void): Promise<() => Promise<void>> {
  bus.count++
  bus.emitter.on('event', fn)
  try {
    bus.started ??= start()
    await bus.started
  } catch (err) {
    bus.started = null
    bus.count--
    bus.emitter.off('event', fn)
    throw err
  }
  let done = false
  return async () => {
    if (done) return
    done = true
    bus.emitter.off('event', fn)
    if (--bus.count === 0 && bus.started) {
      const stop = bus.started
      bus.started = null
      await (await stop)().catch(() => {})
    }
  }
}
