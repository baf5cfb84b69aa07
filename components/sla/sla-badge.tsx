import { Badge, type Tone } from '@/components/ui/badge'
import type { SlaStatus, SlaTargetState } from '@/lib/sla/status'

export const slaStatusLabels: Record<SlaStatus, string> = {
  on_track: 'On track', at_risk: 'At risk', breached_response: 'Response breached',
  breached_resolution: 'Resolution breached', paused: 'Paused', met: 'Met',
}
const statusTone: Record<SlaStatus, Tone> = {
  on_track: 'green', at_risk: 'amber', breached_response: 'red', breached_resolution: 'red', paused: 'slate', met: 'blue',
}

export function SlaBadge({ status }: { status: SlaStatus }) {
  return <Badge tone={statusTone[status]}>{slaStatusLabels[status]}</Badge>
}

export const targetStateLabels: Record<SlaTargetState, string> = {
  on_track: 'On track', at_risk: 'At risk', breached: 'Breached', paused: 'Paused', met: 'Met',
}
const targetTone: Record<SlaTargetState, Tone> = { on_track: 'green', at_risk: 'amber', breached: 'red', paused: 'slate', met: 'blue' }

export function SlaTargetBadge({ state }: { state: SlaTargetState }) {
  return <Badge tone={targetTone[state]}>{targetStateLabels[state]}</Badge>
}
