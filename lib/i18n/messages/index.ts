import type { Locale } from '../config'
import enCommon from './en/common.json'
import enAuth from './en/auth.json'
import enPortal from './en/portal.json'
import enTickets from './en/tickets.json'
import enSettings from './en/settings.json'
import enInsight from './en/insight.json'
import enAccount from './en/account.json'
import deCommon from './de/common.json'
import deAuth from './de/auth.json'
import dePortal from './de/portal.json'
import deTickets from './de/tickets.json'
import deSettings from './de/settings.json'
import deInsight from './de/insight.json'
import deAccount from './de/account.json'

/**
 * The catalogues, one file per namespace so each area's strings live together:
 * common (shell, shared UI, statuses, priorities, roles), auth (sign-in, two-factor, security,
 * no-access), portal (requester pages, CSAT), tickets (staff list and ticket page), settings
 * (admin pages, audit log), insight (dashboard, reports), account (notifications inbox,
 * preferences, personal canned replies). Messages the data layer sends back (typed errors, zod)
 * are keyed by their English text instead: ../server-messages/ and ../localise-message.ts.
 */
export const catalogues = {
  en: { common: enCommon, auth: enAuth, portal: enPortal, tickets: enTickets, settings: enSettings, insight: enInsight, account: enAccount },
  de: { common: deCommon, auth: deAuth, portal: dePortal, tickets: deTickets, settings: deSettings, insight: deInsight, account: deAccount },
} satisfies Record<Locale, Record<string, unknown>>

export type Namespace = keyof (typeof catalogues)['en']
export type Messages = (typeof catalogues)['en']
