import { useTranslations } from 'next-intl'
import type { TicketPriority, TicketStatus } from '@/lib/tickets/workflow'
import { Badge, type Tone } from '@/components/ui/badge'

const statusTone: Record<TicketStatus, Tone> = {
  new: 'blue', open: 'indigo', in_progress: 'violet', pending: 'amber', on_hold: 'amber',
  resolved: 'green', closed: 'slate', cancelled: 'slate',
}
const priorityTone: Record<TicketPriority, Tone> = { low: 'slate', normal: 'blue', high: 'amber', urgent: 'red' }

export function StatusBadge({ status }: { status: TicketStatus }) {
  const t = useTranslations('common.status')
  return <Badge tone={statusTone[status]}>{t(status)}</Badge>
}

export function PriorityBadge({ priority }: { priority: TicketPriority }) {
  const t = useTranslations('common.priority')
  return <Badge tone={priorityTone[priority]}>{t(priority)}</Badge>
}

export function SensitiveBadge() {
  const t = useTranslations('tickets.badges')
  return <Badge tone="red">{t('sensitive')}</Badge>
}
