import { z } from 'zod'
import { notificationEvents, type EventNotificationSetting, type NotificationEvent, type OrgSettings } from '@/db/enums'

export type { NotificationEvent }
import { placeholderProblem } from '@/lib/templates/placeholders'
import { checkbox } from '@/lib/tickets/schemas'

// Client-safe: the org's notification settings (settings → notifications), their defaults
// (§10) and the form schemas, shared by the page, its live preview and lib/notifications/notify.

/** Which audiences an admin may switch per event. SLA and team events never go to a requester. */
export const eventAudiences: Record<NotificationEvent, readonly ('requester' | 'assignee')[]> = {
  'ticket.created': ['requester', 'assignee'],
  'ticket.assigned': ['requester', 'assignee'],
  'ticket.replied': ['requester', 'assignee'],
  'ticket.status_changed': ['requester', 'assignee'],
  'ticket.resolved': ['requester', 'assignee'],
  'sla.at_risk': ['assignee'],
  'sla.breached': ['assignee'],
  'ticket.queued': [],
  'ticket.rejected': [],
}

/** The §10 defaults: what every org had before it saved anything. */
const defaults: Record<NotificationEvent, Required<Pick<EventNotificationSetting, 'enabled' | 'requester' | 'assignee'>>> = {
  'ticket.created': { enabled: true, requester: true, assignee: false },
  'ticket.assigned': { enabled: true, requester: false, assignee: true },
  'ticket.replied': { enabled: true, requester: true, assignee: true },
  'ticket.status_changed': { enabled: true, requester: true, assignee: false },
  'ticket.resolved': { enabled: true, requester: true, assignee: false },
  'sla.at_risk': { enabled: true, requester: false, assignee: true },
  'sla.breached': { enabled: true, requester: false, assignee: true },
  'ticket.queued': { enabled: true, requester: false, assignee: false },
  'ticket.rejected': { enabled: true, requester: false, assignee: false },
}

export type ResolvedEventSetting = { enabled: boolean; requester: boolean; assignee: boolean; subject: string | null; body: string | null }

/** One event's effective setting for the org: saved values over the defaults; switches not offered stay off. */
export function eventSetting(settings: Pick<OrgSettings, 'notifications'>, event: NotificationEvent): ResolvedEventSetting {
  const saved = settings.notifications?.events?.[event] ?? {}
  const d = defaults[event]
  const offered = eventAudiences[event]
  return {
    enabled: saved.enabled ?? d.enabled,
    requester: offered.includes('requester') ? (saved.requester ?? d.requester) : d.requester,
    assignee: offered.includes('assignee') ? (saved.assignee ?? d.assignee) : d.assignee,
    subject: saved.subject?.trim() || null,
    body: saved.body?.trim() || null,
  }
}

/** What a notification template may use. Only public facts: never an internal note, never a hidden ticket. */
export const notificationPlaceholders = [
  'recipient.name', 'ticket.number', 'ticket.title', 'ticket.status', 'ticket.link', 'actor.name', 'org.name', 'headline', 'excerpt',
] as const

export const SUBJECT_MAX = 200
export const BODY_MAX = 5000

const templateField = (max: number, what: string) => z.string().trim().max(max, `Keep the ${what} under ${max.toLocaleString('en')} characters`)
  .superRefine((v, c) => {
    const problem = placeholderProblem(v, notificationPlaceholders)
    if (problem) c.addIssue({ code: z.ZodIssueCode.custom, message: problem })
  }).default('')

export const EventNotificationInput = z.object({
  event: z.enum(notificationEvents, { errorMap: () => ({ message: 'Unknown event' }) }),
  enabled: checkbox.default(false),
  requester: checkbox.default(false),
  assignee: checkbox.default(false),
  subject: templateField(SUBJECT_MAX, 'subject'),
  body: templateField(BODY_MAX, 'message'),
})

export const NotificationGeneralInput = z.object({
  // 0 turns automatic closing off (lib/tickets/auto-close.ts).
  autoCloseDays: z.coerce.number({ invalid_type_error: 'Enter a number of days' }).int('Enter whole days').min(0, 'Enter 0 or more days').max(365, 'At most 365 days'),
  smsWebhook: checkbox.default(false),
})

export type InboundUnknownSenders = NonNullable<OrgSettings['inboundUnknownSenders']>
export const inboundUnknownSenders = ['refuse', 'create_requester'] as const satisfies readonly InboundUnknownSenders[]

/** What happens to mail from someone who is not a member (lib/inbound/receive-mail.ts). */
export const InboundSettingsInput = z.object({
  unknownSenders: z.enum(inboundUnknownSenders, { errorMap: () => ({ message: 'Choose what happens to mail from strangers' }) }),
})

/** Sample facts for the template preview: made up, so a preview never shows a real (possibly sensitive) ticket. */
export const previewSample = {
  orgName: 'Your organisation', number: 123, title: 'Streetlight out on Elm Street', recipientName: 'Alex Requester',
  actorName: 'Sam Technician', excerpt: 'We replaced the lamp this morning. Let us know if it goes out again.', status: 'Resolved',
}
