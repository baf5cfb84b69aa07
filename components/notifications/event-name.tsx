import { useTranslations } from 'next-intl'
import { Badge } from '@/components/ui/badge'
import { eventLabels } from '@/lib/notifications/schemas'

// Short names for the admin tables (account.eventName, the event code's dot nesting the key);
// account.eventLabels phrases events for the person receiving them. An unknown code shows as is.
export function EventName({ event }: { event: string | null | undefined }) {
  const t = useTranslations('account.eventName')
  if (!event) return <span className="text-slate-600">—</span>
  return <Badge tone={event.startsWith('sla.') ? 'amber' : 'slate'}>{Object.hasOwn(eventLabels, event) ? t(event) : event}</Badge>
}
