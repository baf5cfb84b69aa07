import { Badge } from '@/components/ui/badge'
import type { eventLabels } from '@/lib/notifications/schemas'

// Short names for the admin tables; eventLabels phrases events for the person receiving them.
const names: Record<keyof typeof eventLabels, string> = {
  'ticket.created': 'Ticket created',
  'ticket.assigned': 'Assigned',
  'ticket.replied': 'Reply',
  'ticket.status_changed': 'Status change',
  'ticket.resolved': 'Resolved',
  'sla.at_risk': 'SLA at risk',
  'sla.breached': 'SLA breached',
  'ticket.queued': 'Team queue',
  'ticket.rejected': 'Rejected',
}

export function EventName({ event }: { event: string | null | undefined }) {
  if (!event) return <span className="text-slate-600">—</span>
  const name = names[event as keyof typeof names]
  return <Badge tone={event.startsWith('sla.') ? 'amber' : 'slate'}>{name ?? event}</Badge>
}
