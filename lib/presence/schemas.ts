import { z } from 'zod'
import { checkbox } from '@/lib/tickets/schemas'

const number = z.coerce.number().int().positive()

/** A heartbeat from an open ticket page: still here, and whether a reply is being typed. */
export const PresenceInput = z.object({ number, typing: checkbox.default(false) })
export const LeavePresenceInput = z.object({ number })

/** A heartbeat older than this means the page was closed (or its tab went to sleep). */
export const PRESENCE_TTL_SECONDS = 30
/** How often an open page says it is still there: well inside the expiry. */
export const PRESENCE_HEARTBEAT_MS = 10_000
