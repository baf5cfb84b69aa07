// Live updates (issue 16): commit-time events, re-checked per viewer before they are sent.
export { liveEventForViewer } from './for-viewer'
export { subscribeLive } from './bus'
export type { ClientLiveEvent, LiveEvent } from './events'
export { liveStream } from './stream'
