/** The Postgres NOTIFY channel every app instance LISTENs on for live updates (issue 16). */
export const LIVE_CHANNEL = 'helpdesk_live'

/**
 * What travels between instances: ids and kinds only, never text. A receiver re-checks
 * each event against its viewer (lib/live/for-viewer.ts) and the browser refetches through
 * the ordinary, visibility-filtered pages — so nothing in here can leak content.
 */
export type LiveEvent = {
  /** Organisation id: another org's stream never looks further. */
  o: string
  k: 'ticket' | 'comment' | 'presence' | 'inbox'
  /** Ticket id, for ticket, comment and presence events. */
  t?: string
  /** Staff-only (an internal note, or a file on one): never sent to a requester. */
  i?: boolean
  /** Inbox events: the people whose bell changed; absent means "everyone re-counts". */
  u?: string[]
}

/** What the browser receives: the kind and the ticket's number, nothing more. */
export type ClientLiveEvent = { kind: LiveEvent['k']; number?: number }
