import { formatTime } from '@/lib/format/time'
import type { Locale } from '@/lib/i18n/config'
import { statusLabels } from '@/lib/tickets/workflow'

// Client-safe: turns stored audit rows into text an admin can read at a glance. The words come
// from the catalogue (settings.auditFormat.*, common.status.*) through the viewer's translator
// (issue 18); the stored codes (`member.role_changed`, `assigneeId`) never change.

/**
 * A next-intl translator at the catalogue's root (`await getTranslations()`, or
 * `createTranslator({ locale, messages })` in tests), and the viewer's locale for dates.
 */
export type AuditT = ((key: string, values?: Record<string, string | number>) => string) & { has: (key: string) => boolean }
export type AuditText = { t: AuditT; locale: Locale }

const NS = 'settings.auditFormat'

/** Entity types written by the data-access layer, for the audit log's filter (labels: settings.auditFormat.filterEntities.*). */
export const auditEntityTypes = ['ticket', 'comment', 'membership', 'category', 'team', 'routing_rule', 'saved_view', 'organization'] as const

/** Known actions, offered as suggestions; the filter matches by prefix, so `ticket.` finds every ticket action. */
export const auditActionSuggestions = [
  'ticket.', 'ticket.created', 'ticket.updated', 'ticket.status_changed', 'ticket.assigned', 'ticket.unassigned',
  'ticket.viewed', 'ticket.escalated', 'ticket.deleted', 'ticket.restored', 'ticket.team_changed', 'ticket.routed', 'ticket.accepted', 'ticket.rejected',
  'ticket.tags_changed', 'ticket.watcher_added', 'ticket.watcher_removed', 'ticket.cc_added', 'ticket.cc_removed', 'comment.', 'comment.added', 'comment.internal_added',
  'comment.marked_solution', 'member.', 'member.added', 'member.role_changed', 'member.deactivated', 'member.reactivated',
  'team.', 'team.created', 'team.updated', 'team.deleted', 'team.member_added', 'team.member_removed', 'routing_rule.',
  'ticket.bulk_updated', 'ticket.exported', 'category.created', 'organization.created', 'view.', 'view.created', 'view.renamed', 'view.deleted',
] as const

/** id → a readable name (ticket number, person, category…), resolved by `auditReferences`. */
export type AuditRefs = Record<string, string>

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/
const MAX = 80

export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v)

/** A catalogue key part: next-intl reads dots as nesting, so a code is only looked up when it is a plain word. */
const plainKey = (s: string) => /^[a-z][a-zA-Z0-9_]*$/.test(s)

/** `member.role_changed` → `Role changed`; the entity column names what changed. An action the catalogue does not know yet still reads as words. */
export function actionLabel(action: string, { t }: AuditText): string {
  const verb = action.includes('.') ? action.slice(action.indexOf('.') + 1) : action
  if (plainKey(verb) && t.has(`${NS}.actions.${verb}`)) return t(`${NS}.actions.${verb}`)
  const text = verb.replace(/_/g, ' ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** `assigneeId` → `assignee`, `firstResponseAt` → `first response at`: the catalogue's name for the field, else its code in words. */
export function fieldLabel(key: string, text?: AuditText): string {
  if (text && plainKey(key) && text.t.has(`${NS}.fields.${key}`)) return text.t(`${NS}.fields.${key}`)
  return key.replace(/Id$/, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()
}

export function formatAuditValue(key: string, value: unknown, refs: AuditRefs, tz: string, { t, locale }: AuditText): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'boolean') return value ? t(`${NS}.yes`) : t(`${NS}.no`)
  if (key === 'status' && typeof value === 'string' && value in statusLabels) return t(`common.status.${value}`)
  if (isUuid(value)) return refs[value] ?? `${value.slice(0, 8)}…`
  if (typeof value === 'string' && ISO.test(value)) return formatTime(value, tz, undefined, locale)
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return oneLine.length > MAX ? `${oneLine.slice(0, MAX - 1)}…` : oneLine
}

/** One line per changed field: `status: New → Open`, or `title: …` when a value was first set. */
export function summariseChanges(changes: Record<string, [unknown, unknown]> | null | undefined, refs: AuditRefs, tz: string, text: AuditText): string[] {
  return Object.entries(changes ?? {}).map(([key, pair]) => {
    const [before, after] = Array.isArray(pair) ? pair : [null, pair]
    const label = fieldLabel(key, text)
    const next = formatAuditValue(key, after, refs, tz, text)
    if (before === null || before === undefined) return `${label}: ${next}`
    return `${label}: ${formatAuditValue(key, before, refs, tz, text)} → ${next}`
  })
}

/** `routing_rule` → `Routing rule` (settings.auditFormat.entities.*): a type written since the catalogue was made still reads as words. */
function entityName(entityType: string, { t }: AuditText): string {
  if (plainKey(entityType) && t.has(`${NS}.entities.${entityType}`)) return t(`${NS}.entities.${entityType}`)
  const words = fieldLabel(entityType).replace(/_/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/**
 * `Ticket #12`, `Member Rita Requester`, `Routing rule “Broken hardware”`; a row since
 * deleted keeps a short id and says so (its name is in its own `created` event).
 */
export function entityLabel(entityType: string, entityId: string, refs: AuditRefs, text: AuditText): string {
  const name = entityName(entityType, text)
  if (entityType === 'organization') return name
  const ref = refs[entityId]
  return ref ? `${name} ${ref}` : text.t(`${NS}.deleted`, { name, id: entityId.slice(0, 8) })
}

/** Where the admin can look at the entity, when it still exists and has a page. */
export function entityHref(org: string, entityType: string, entityId: string, refs: AuditRefs): string | null {
  const ref = refs[entityId]
  if (!ref) return null
  const number = /#(\d+)$/.exec(ref)?.[1]
  if ((entityType === 'ticket' || entityType === 'comment') && number) return `/${org}/tickets/${number}`
  const pages: Record<string, string> = {
    membership: 'members', team: 'teams', routing_rule: 'routing', category: 'categories', sla_policy: 'sla', sla_calendar: 'sla',
  }
  return pages[entityType] ? `/${org}/settings/${pages[entityType]}` : null
}
