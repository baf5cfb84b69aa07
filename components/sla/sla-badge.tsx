import { useTranslations } from 'next-intl'
import { Badge, type Tone } from '@/components/ui/badge'
import type { SlaStatus, SlaTargetState } from '@/lib/sla/status'

const statusTone: Record<SlaStatus, Tone> = {
  on_track: 'green', at_risk: 'amber', breached_response: 'red', breached_resolution: 'red', paused: 'slate', met: 'blue',
}

export function SlaBadge({ status }: { status: SlaStatus }) {
  const t = useTranslations('tickets.slaBadge.status')
  return <Badge tone={statusTone[status]}>{t(status)}</Badge>
}

const targetTone: Record<SlaTargetState, Tone> = { on_track: 'green', at_risk: 'amber', breached: 'red', paused: 'slate', met: 'blue' }

export function SlaTargetBadge({ state }: { state: SlaTargetState }) {
  const t = useTranslations('tickets.slaBadge.target')
  return <Badge tone={targetTone[state]}>{t(state)}</Badge>
}
