import { statusLabels } from '@/lib/tickets/workflow'
import type { TicketStatus } from '@/lib/tickets/workflow'
import { formatTime } from '@/lib/format/time'

// Client-safe: turns stored audit rows into text an admin can read at a glance.

/** Entity types written by the data-access layer, for the audit log's filter. */
export const auditEntityTypes = [
  { value: 'ticket', label: 'Tickets' },
  { value: 'comment', label: 'Comments' },
  { value: 'membership', label: 'Members' },
  { value: 'category', label: 'Categories' },
  { value: 'team', label: 'Teams' },
  { value: 'routing_rule', label: 'Routing rules' },
  { value: 'saved_view', label: 'Saved views' },
  { value: 'organization', label: 'Organisation' },
] as const

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

/** `member.role_changed` → `Role changed`; the entity column names what changed. */
export function actionLabel(action: string): string {
  const verb = action.includes('.') ? action.slice(action.indexOf('.') + 1) : action
  const text = verb.replace(/_/g, ' ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** `assigneeId` → `assignee`, `firstResponseAt` → `first response at`. */
export function fieldLabel(key: string): string {
  return key.replace(/Id$/, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()
}

export function formatAuditValue(key: string, value: unknown, refs: AuditRefs, tz: string): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (key === 'status' && typeof value === 'string' && value in statusLabels) return statusLabels[value as TicketStatus]
  if (isUuid(value)) return refs[value] ?? `${value.slice(0, 8)}…`
  if (typeof value === 'string' && ISO.test(value)) return formatTime(value, tz)
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return oneLine.length > MAX ? `${oneLine.slice(0, MAX - 1)}…` : oneLine
}

/** One line per changed field: `status: New → Open`, or `title: …` when a value was first set. */
export function summariseChanges(changes: Record<string, [unknown, unknown]> | null | undefined, refs: AuditRefs, tz: string): string[] {
  return Object.entries(changes ?? {}).map(([key, pair]) => {
    const [before, after] = Array.isArray(pair) ? pair : [null, pair]
    const label = fieldLabel(key)
    const next = formatAuditValue(key, after, refs, tz)
    if (before === null || before === undefined) return `${label}: ${next}`
    return `${label}: ${formatAuditValue(key, before, refs, tz)} → ${next}`
  })
}

const entityNames: Record<string, string> = {
  ticket: 'Ticket', comment: 'Comment', membership: 'Member', category: 'Category', team: 'Team', organization: 'Organisation',
  routing_rule: 'Routing rule', saved_view: 'Saved view', sla_policy: 'SLA policy', sla_calendar: 'SLA calendar',
  canned_reply: 'Canned reply', api_token: 'API token', webhook: 'Webhook', attachment: 'Attachment', job: 'Job', user: 'User',
}

/** `routing_rule` → `Routing rule`: a type written since this list was made still reads as words. */
function entityName(entityType: string): string {
  const words = fieldLabel(entityType).replace(/_/g, ' ')
  return entityNames[entityType] ?? words.charAt(0).toUpperCase() + words.slice(1)
}

/**
 * `Ticket #12`, `Member Rita Requester`, `Routing rule “Broken hardware”`; a row since
 * deleted keeps a short id and says so (its name is in its own `created` event).
 */
export function entityLabel(entityType: string, entityId: string, refs: AuditRefs): string {
  const name = entityName(entityType)
  if (entityType === 'organization') return name
  const ref = refs[entityId]
  return ref ? `${name} ${ref}` : `${name} ${entityId.slice(0, 8)} (deleted)`
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
