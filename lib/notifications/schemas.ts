import { z } from 'zod'
import { notificationEvents } from '@/db/enums'

// Client-safe: shared by the forms and the data-access layer.

// English names of the events, for non-UI uses. The interface shows them from the catalogue
// (account.eventLabels.<event>, the code's dot nesting the key), in the reader's language.
export const eventLabels: Record<(typeof notificationEvents)[number], string> = {
  'ticket.created': 'A ticket is created for me',
  'ticket.assigned': 'A ticket is assigned to me',
  'ticket.replied': 'Someone replies on my ticket',
  'ticket.status_changed': 'My ticket changes status',
  'ticket.resolved': 'My ticket is resolved',
  'sla.at_risk': 'A ticket is close to its SLA target',
  'sla.breached': 'A ticket breaches its SLA target',
  'ticket.queued': 'A ticket lands in my team’s queue',
  'ticket.rejected': 'An agent rejects a ticket of my team',
}

const flag = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean())

/** One row per event; a missing checkbox means "off". */
export const PreferencesInput = z.object({
  prefs: z.array(z.object({ event: z.enum(notificationEvents), email: flag, inApp: flag })).max(notificationEvents.length),
})

export const NotificationRefInput = z.object({ id: z.string().uuid('Unknown notification') })
export const JobRefInput = z.object({ id: z.string().uuid('Unknown message') })

const hasCredentials = (u: string) => {
  try { const url = new URL(u); return !!(url.username || url.password) } catch { return false }
}

export const WebhookInput = z.object({
  url: z.string().trim().url('Enter a full URL, e.g. https://gateway.example/hook')
    .refine((u) => /^https?:\/\//i.test(u), 'Use an http:// or https:// URL')
    // The receiver authenticates us by the signature; a password in the URL would sit in the audit log.
    .refine((u) => !hasCredentials(u), 'Leave the user name and password out of the URL')
    .pipe(z.string().max(2000)),
  secret: z.string().trim().min(16, 'Use a secret of at least 16 characters').max(200),
})
export const WebhookRefInput = z.object({ id: z.string().uuid() })

/** PhoneInput's messages, named so the phone form can show them in the reader's language (account.phoneForm.<name>). */
export const phoneMessages = { tooLong: 'Enter a phone number', format: 'Enter a number like +44 20 7946 0958' } as const

/** A phone number for the SMS/WhatsApp channel, stored as +digits; empty removes it. */
export const PhoneInput = z.object({
  phone: z.string().trim().max(40, phoneMessages.tooLong)
    .refine((v) => v === '' || /^\+?[0-9][0-9 ().-]{5,30}$/.test(v), phoneMessages.format)
    .transform((v) => (v === '' ? null : `${v.startsWith('+') ? '+' : ''}${v.replace(/\D/g, '')}`)),
})
