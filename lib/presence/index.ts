// Who else has a ticket open, and who is typing (issue 16's collision warning).
export { touchPresence, leavePresence } from './touch-presence'
export { listPresence, type Presence } from './list-presence'
export { PresenceInput, LeavePresenceInput, PRESENCE_HEARTBEAT_MS, PRESENCE_TTL_SECONDS } from './schemas'
