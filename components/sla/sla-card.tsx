import { Card } from '@/components/ui/card'
import { formatTime } from '@/lib/format/time'
import { dueIn, formatMinutes } from '@/lib/sla/format'
import type { SlaTargetState } from '@/lib/sla/status'
import { ticketSla, type TicketSlaFacts } from '@/lib/sla/ticket-status'
import { SlaBadge, SlaTargetBadge } from './sla-badge'

type Policy = { priority: string; category: string | null; responseMinutes: number; resolutionMinutes: number; businessHours: boolean; active: boolean }

/** The ticket's SLA at a glance: policy, each target's state and due time in the viewer's zone. */
export function SlaCard({ ticket, policy, tz, now = new Date() }: {
  ticket: TicketSlaFacts & { slaPausedAt: Date | null; escalatedAt: Date | null }; policy: Policy | null; tz: string; now?: Date
}) {
  const sla = ticketSla(ticket, now)
  if (!sla.status) {
    return <Card title="SLA"><p className="text-sm text-slate-600">{ticket.status === 'cancelled' ? 'Cancelled tickets carry no SLA.' : 'No SLA policy covers this ticket’s priority and category.'}</p></Card>
  }
  return (
    <Card title="SLA" actions={<SlaBadge status={sla.status} />}>
      {policy && (
        <p className="mb-3 text-sm text-slate-600">
          <span className="font-medium text-slate-800">{policy.priority[0].toUpperCase() + policy.priority.slice(1)} · {policy.category ?? 'All categories'}</span>
          {' '}({policy.businessHours ? 'business hours' : '24/7'}){!policy.active && ' — policy since deactivated'}
        </p>
      )}
      <dl className="space-y-3 text-sm">
        <Target label="First response" target={policy?.responseMinutes} state={sla.response!} due={ticket.responseDueAt} doneAt={ticket.firstResponseAt} tz={tz} now={now} />
        <Target label="Resolution" target={policy?.resolutionMinutes} state={sla.resolution!} due={ticket.resolutionDueAt} doneAt={ticket.resolvedAt} tz={tz} now={now} />
      </dl>
      {ticket.slaPausedAt && sla.status === 'paused' && <p className="mt-3 text-xs text-slate-600">Clock stopped since {formatTime(ticket.slaPausedAt, tz)} while the ticket waits.</p>}
      {ticket.escalatedAt && <p className="mt-3 rounded-md bg-rose-50 px-2 py-1 text-xs font-medium text-rose-700 ring-1 ring-rose-200">Escalated {formatTime(ticket.escalatedAt, tz)}</p>}
    </Card>
  )
}

function Target({ label, target, state, due, doneAt, tz, now }: {
  label: string; target?: number; state: SlaTargetState; due: Date | null; doneAt: Date | null; tz: string; now: Date
}) {
  const live = state === 'on_track' || state === 'at_risk' || (state === 'breached' && !doneAt)
  return (
    <div>
      <dt className="flex items-center justify-between gap-2">
        <span className="font-medium text-slate-700">{label}{target !== undefined && <span className="font-normal text-slate-600"> · {formatMinutes(target)}</span>}</span>
        <SlaTargetBadge state={state} />
      </dt>
      <dd className="mt-0.5 text-slate-600">
        {due && <>Due <time dateTime={due.toISOString()}>{formatTime(due, tz)}</time></>}
        {due && live && <span className={state === 'breached' ? 'font-medium text-rose-700' : state === 'at_risk' ? 'text-amber-800' : ''}> · {dueIn(due, now)}</span>}
        {!due && state === 'paused' && 'Clock stopped'}
        {doneAt && <span className="block text-xs text-slate-600">{label === 'Resolution' ? 'Resolved' : 'Answered'} {formatTime(doneAt, tz)}</span>}
      </dd>
    </div>
  )
}
