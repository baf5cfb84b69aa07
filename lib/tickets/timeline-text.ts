import { createTranslator } from 'use-intl/core'
import enTickets from '@/lib/i18n/messages/en/tickets.json'
import enCommon from '@/lib/i18n/messages/en/common.json'

/**
 * Timeline wording that is pure data (no database), kept apart so it can be unit tested:
 * what an edit changed, old → new (issue 18: "edited priority" told nobody what it became).
 *
 * A line is a message: a catalogue key (`tickets.timeline.*`, or `common.status.*` for a
 * value that is itself a word to translate) and its values, which may be messages in turn
 * ("{first}; {rest}"). The ticket page renders it in the viewer's language
 * (components/tickets/timeline.tsx); `englishText` gives the English line the API and
 * tests read, through the same catalogue, so both say the same thing.
 */
export type TimelineValue = string | number | TimelineMessage
export type TimelineMessage = { key: string; values?: Record<string, TimelineValue> }
/** A translator over the whole catalogue (keys are full paths). */
export type TimelineTranslate = (key: string, values?: Record<string, string | number>) => string

const m = (key: string, values?: Record<string, TimelineValue>): TimelineMessage => ({ key: `tickets.timeline.${key}`, values })
const word = (key: string): TimelineMessage => ({ key })

/** Renders a line (and the messages inside its values) with `t`. */
export function renderTimeline(msg: TimelineMessage, t: TimelineTranslate): string {
  const values: Record<string, string | number> = {}
  for (const [k, v] of Object.entries(msg.values ?? {})) values[k] = typeof v === 'object' ? renderTimeline(v, t) : v
  return t(msg.key, values)
}

const english = createTranslator({ locale: 'en', messages: { tickets: enTickets, common: enCommon } }) as unknown as TimelineTranslate
/** The English line, for the API and anything else that is not the viewer's UI. */
export function englishText(msg: TimelineMessage): string {
  return renderTimeline(msg, english)
}

/** Joins parts pairwise with a catalogue joiner ("{first}; {rest}", "{first} and {rest}"). */
function join(parts: TimelineMessage[], joiner: 'joinSemicolon' | 'joinAnd'): TimelineMessage | null {
  if (parts.length === 0) return null
  return parts.reduceRight((rest, first) => m(joiner, { first, rest }))
}

/** Long values (descriptions) are cut so one line of the timeline stays one line. */
function short(v: unknown, max = 60): string {
  const s = String(v ?? '').replace(/\s+/g, ' ').trim()
  return s.length > max ? `${s.slice(0, max - 1)}…` : s
}
const orEmpty = (v: unknown): TimelineValue => short(v) || m('emptyValue')

/** "changed priority Normal → Urgent; changed category General → Billing". */
export function editMessage(changes: Record<string, [unknown, unknown]>, categoryName: (id: unknown) => string | null): TimelineMessage {
  const parts = Object.entries(changes).map(([field, [before, after]]) => {
    switch (field) {
      case 'priority': return m('changedPriority', { from: word(`common.priority.${String(before)}`), to: word(`common.priority.${String(after)}`) })
      case 'categoryId': return m('changedCategory', { from: categoryName(before) ?? m('noCategory'), to: categoryName(after) ?? m('noCategory') })
      case 'sensitive': return m(after ? 'flaggedSensitive' : 'removedSensitive')
      case 'title': return m('renamed', { from: short(before), to: short(after) })
      case 'description': return m('editedDescription', { from: orEmpty(before), to: orEmpty(after) })
      default: return m('changedField', { field, from: orEmpty(before), to: orEmpty(after) })
    }
  })
  return join(parts, 'joinSemicolon') ?? m('editedTicket')
}

/** English `editMessage`. */
export function editText(changes: Record<string, [unknown, unknown]>, categoryName: (id: unknown) => string | null): string {
  return englishText(editMessage(changes, categoryName))
}

/** A status change, or the ticket's creation (no previous status). */
export function statusMessage(from: string | null, to: string): TimelineMessage {
  return from ? m('changedStatus', { from: word(`common.status.${from}`), to: word(`common.status.${to}`) }) : m('created')
}

export const replyMessage = (internal: boolean) => m(internal ? 'addedNote' : 'replied')
export const escalatedMessage = () => m('escalated')

/** One line per SLA moment the breach sweep recorded (§5): at risk, breached, per target. */
export function slaEventMessage(e: { target: 'response' | 'resolution'; kind: 'at_risk' | 'breached' }): TimelineMessage {
  const target = m(e.target === 'response' ? 'targetResponse' : 'targetResolution')
  return m(e.kind === 'at_risk' ? 'slaAtRisk' : 'slaBreached', { target })
}

/** "tagged vpn and removed tag wifi", "copied ann@x.org on replies": the line for a tag or CC change. */
export function listChangeMessage(action: string, changes: Record<string, [unknown, unknown]>): TimelineMessage | null {
  const [before, after] = (changes.tags ?? changes.cc ?? [[], []]).map((v) => (Array.isArray(v) ? v.map(String) : [])) as [string[], string[]]
  const added = after.filter((x) => !before.includes(x))
  const removed = before.filter((x) => !after.includes(x))
  if (action === 'ticket.tags_changed') {
    const parts = [
      ...(added.length ? [m('tagged', { tags: added.join(', ') })] : []),
      ...(removed.length ? [m('removedTags', { count: removed.length, tags: removed.join(', ') })] : []),
    ]
    return join(parts, 'joinAnd') ?? m('changedTags')
  }
  if (action === 'ticket.cc_added') return m('ccAdded', { emails: added.join(', ') })
  if (action === 'ticket.cc_removed') return m('ccRemoved', { emails: removed.join(', ') })
  return null
}

export type AssignmentFacts = {
  kind: string
  fromTeamId: string | null; toTeamId: string | null; fromAssigneeId: string | null; toAssigneeId: string | null
  from: string | null; to: string | null; fromTeam: string | null; toTeam: string | null
}

/** One line per assignment history row (§6): routing, accept / reject, team and agent changes. */
export function assignmentMessage(a: AssignmentFacts): TimelineMessage {
  // A team deleted since keeps its place in the story without its name.
  const teamName = (name: string | null): TimelineValue => name ?? m('deletedTeam')
  if (a.kind === 'accepted') return m('accepted')
  if (a.kind === 'rejected') return a.toTeamId ? m('rejectedBackInQueue', { team: teamName(a.toTeam) }) : m('rejected')
  if (a.kind === 'routed') {
    const team = a.toTeamId ? teamName(a.toTeam) : m('noTeam')
    return a.to ? m('routedAndAssigned', { team, agent: a.to }) : m('routed', { team })
  }
  const teamMoved = a.fromTeamId !== a.toTeamId
  const teamPart = !teamMoved ? null
    : a.toTeamId ? (a.fromTeamId ? m('movedTeam', { from: teamName(a.fromTeam), to: teamName(a.toTeam) }) : m('putInTeam', { team: teamName(a.toTeam) }))
    : m('tookOutOfTeam', { team: teamName(a.fromTeam) })
  // After a team part the ticket is "it": "put the ticket in Support and assigned it to Bo".
  const it = teamPart ? 'It' : ''
  const agentPart = a.fromAssigneeId === a.toAssigneeId ? null
    : a.to ? (a.from ? m(`reassigned${it}`, { from: a.from, to: a.to }) : m(`assigned${it}`, { to: a.to }))
    : a.from ? m('unassignedPerson', { from: a.from }) : m(`unassigned${it}`)
  return join([teamPart, agentPart].filter((p): p is TimelineMessage => p !== null), 'joinAnd') ?? m('changedAssignment')
}

/** A file attached to or deleted from the ticket (§9). */
export const attachmentMessage = (added: boolean, filename: string) => m(added ? 'attached' : 'deletedAttachment', { filename })

/**
 * A note shown under a timeline line sits in quotes, unless it already quotes something
 * itself (routing's `Rule “Broken hardware”`): one level of quotes, never two.
 */
export function quotedNote(note: string): string {
  return /[“”"]/.test(note) ? note : `“${note}”`
}
