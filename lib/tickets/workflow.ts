import type { TicketPriority, TicketStatus } from '@/db/enums'

export type { TicketPriority, TicketStatus }

/** In which capacity someone acts on a ticket; one person may hold several. */
export type Capacity = 'admin' | 'agent' | 'assignee' | 'requester' | 'system'

type Rule = { from: readonly TicketStatus[]; to: TicketStatus; who: readonly Capacity[]; noteRequired?: string }

/** §4, row for row. Anything not listed here is refused. */
export const transitions: readonly Rule[] = [
  { from: ['new'], to: 'open', who: ['agent', 'admin', 'system'] },
  { from: ['new', 'open', 'pending', 'on_hold'], to: 'in_progress', who: ['assignee', 'admin', 'system'] },
  { from: ['in_progress'], to: 'pending', who: ['assignee', 'admin'] },
  { from: ['in_progress'], to: 'on_hold', who: ['assignee', 'admin'] },
  { from: ['in_progress'], to: 'resolved', who: ['assignee', 'admin'], noteRequired: 'A resolution note is required' },
  { from: ['resolved'], to: 'closed', who: ['admin', 'requester', 'system'] },
  { from: ['resolved'], to: 'open', who: ['requester', 'agent', 'admin'] },
  { from: ['closed'], to: 'open', who: ['admin'] },
  { from: ['new', 'open'], to: 'cancelled', who: ['admin', 'requester'], noteRequired: 'A reason is required' },
]

export const statusLabels: Record<TicketStatus, string> = {
  new: 'New', open: 'Open', in_progress: 'In progress', pending: 'Pending', on_hold: 'On hold',
  resolved: 'Resolved', closed: 'Closed', cancelled: 'Cancelled',
}

export const openStatuses: readonly TicketStatus[] = ['new', 'open', 'in_progress', 'pending', 'on_hold']

function ruleFor(from: TicketStatus, to: TicketStatus, caps: ReadonlySet<Capacity>): Rule | undefined {
  return transitions.find((r) => r.to === to && r.from.includes(from) && r.who.some((w) => caps.has(w)
    // A requester may cancel only while the ticket is still new (§4).
    && !(w === 'requester' && to === 'cancelled' && from !== 'new')))
}

/** The statuses this actor may move a ticket to from `from`, in workflow order. */
export function allowedTargets(from: TicketStatus, caps: ReadonlySet<Capacity>): TicketStatus[] {
  const out = new Set<TicketStatus>()
  for (const r of transitions) if (ruleFor(from, r.to, caps)) out.add(r.to)
  return [...out]
}

export type TransitionCheck =
  | { ok: true; noteRequired?: string }
  | { ok: false; message: string }

export function checkTransition(from: TicketStatus, to: TicketStatus, caps: ReadonlySet<Capacity>): TransitionCheck {
  const rule = ruleFor(from, to, caps)
  if (rule) return { ok: true, noteRequired: rule.noteRequired }
  const allowed = allowedTargets(from, caps)
  const list = allowed.length ? allowed.map((s) => statusLabels[s]).join(', ') : 'none'
  return {
    ok: false,
    message: `You cannot move a ticket from ${statusLabels[from]} to ${statusLabels[to]}. Allowed from ${statusLabels[from]}: ${list}.`,
  }
}
