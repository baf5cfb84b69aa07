// The value lists behind the schema's Postgres enums and JSON settings, in a module with no
// table and no drizzle import: forms in the browser validate with the same lists (zod), and
// importing them from db/schema shipped ~37 KB of drizzle to every page with a form.
// db/schema builds its pgEnums from these; `npm run lint` keeps drizzle out of client code.

export const ticketStatuses = ['new', 'open', 'in_progress', 'pending', 'on_hold', 'resolved', 'closed', 'cancelled'] as const
export type TicketStatus = (typeof ticketStatuses)[number]

export const ticketPriorities = ['low', 'normal', 'high', 'urgent'] as const
export type TicketPriority = (typeof ticketPriorities)[number]

/** `assigned`: by a person (assign, transfer, unassign); `routed`: by routing rules; accept / reject by the assignee. */
export const assignmentKinds = ['assigned', 'routed', 'accepted', 'rejected'] as const
export type AssignmentKind = (typeof assignmentKinds)[number]

export const roles = ['requester', 'agent', 'admin'] as const
export type Role = (typeof roles)[number]

/** How a team hands its tickets to members (§6); `manual` leaves them in the team queue. */
export const assignmentStrategies = ['round_robin', 'least_open', 'manual'] as const
export type AssignmentStrategy = (typeof assignmentStrategies)[number]

export const notificationEvents = [
  'ticket.created', 'ticket.assigned', 'ticket.replied', 'ticket.status_changed', 'ticket.resolved', 'sla.at_risk', 'sla.breached',
  'ticket.queued', 'ticket.rejected',
] as const
export type NotificationEvent = (typeof notificationEvents)[number]

export const jobStatuses = ['pending', 'running', 'done', 'dead'] as const
export type JobStatus = (typeof jobStatuses)[number]

export const slaTargets = ['response', 'resolution'] as const
export type SlaTarget = (typeof slaTargets)[number]
export const slaEventKinds = ['at_risk', 'breached'] as const

export type OrgSettings = {
  timezone: string
  /** Days after resolution before a ticket closes by itself (§4). */
  autoCloseDays: number
  /** Largest accepted attachment, per file (§8). Absent means the default (lib/attachments/limits.ts). */
  maxAttachmentMb?: number
  /** Total of all attachments on one ticket. Absent means the default. */
  maxTicketAttachmentsMb?: number
  /** Text search language (stemming) of the org's tickets; absent means 'simple' (exact words). */
  searchLanguage?: SearchLanguage
  /** Set while the org's rows are re-indexed after a change of language (lib/search/reindex.ts). */
  searchLanguagePrevious?: SearchLanguage
  /** Who hears of what and in which words (settings → notifications); absent means the §10 defaults. */
  notifications?: OrgNotificationSettings
  /**
   * Mail to the org's inbound address from someone who is not a member (issue 16): refused
   * (the default), or the sender becomes a requester and the message a ticket.
   */
  inboundUnknownSenders?: 'refuse' | 'create_requester'
  /** Staff (agents, admins) must have two-factor sign-in before using the workspace (issue 18). */
  requireStaffTwoFactor?: boolean
}

/** One event's org-wide setting: off entirely, its audiences, and optional subject/body templates. */
export type EventNotificationSetting = { enabled?: boolean; requester?: boolean; assignee?: boolean; subject?: string; body?: string }
export type OrgNotificationSettings = {
  events?: Partial<Record<NotificationEvent, EventNotificationSetting>>
  /** Webhook deliveries carry an `sms` part for requesters with a phone number (SMS/WhatsApp gateways). */
  smsWebhook?: boolean
}

/**
 * Postgres text search configurations an org may choose (all ship with Postgres and PGlite).
 * 'simple' matches words exactly as written; a language also finds other forms of a word
 * ("flickering" finds "flickers"), and exact forms keep matching (lib/search/text.ts).
 */
export const searchLanguages = ['simple', 'danish', 'dutch', 'english', 'finnish', 'french', 'german', 'hungarian', 'italian',
  'norwegian', 'portuguese', 'romanian', 'russian', 'spanish', 'swedish', 'turkish'] as const
export type SearchLanguage = (typeof searchLanguages)[number]

export const defaultOrgSettings: OrgSettings = { timezone: 'UTC', autoCloseDays: 7 }
