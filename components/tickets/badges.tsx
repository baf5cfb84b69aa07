import { statusLabels, type TicketPriority, type TicketStatus } from '@/lib/tickets/workflow'
import { Badge, type Tone } from '@/components/ui/badge'

const statusTone: Record<TicketStatus, Tone> = {
  new: 'blue', open: 'indigo', in_progress: 'violet', pending: 'amber', on_hold: 'amber',
  resolved: 'green', closed: 'slate', cancelled: 'slate',
}
const priorityTone: Record<TicketPriority, Tone> = { low: 'slate', normal: 'blue', high: 'amber', urgent: 'red' }

export function StatusBadge({ status }: { status: TicketStatus }) {
  return <Badge tone={statusTone[status]}>{statusLabels[status]}</Badge>
}

export function PriorityBadge({ priority }: { priority: TicketPriority }) {
  return <Badge tone={priorityTone[priority]}>{priority[0].toUpperCase() + priority.slice(1)}</Badge>
}

export function SensitiveBadge() {
  return <Badge tone="red">Sensitive</Badge>
}
