import { useLocale, useTranslations } from 'next-intl'
import { Card } from '@/components/ui/card'
import { formatTime } from '@/lib/format/time'
import type { Locale } from '@/lib/i18n/config'
import { dueSpan, formatMinutes } from '@/lib/sla/format'
import type { SlaTargetState } from '@/lib/sla/status'
import { ticketSla, type TicketSlaFacts } from '@/lib/sla/ticket-status'
import { SlaBadge, SlaTargetBadge } from './sla-badge'

type Policy = { priority: string; category: string | null; responseMinutes: number; resolutionMinutes: number; businessHours: boolean; active: boolean }

/** The ticket's SLA at a glance: policy, each target's state and due time in the viewer's zone. */
export function SlaCard({ ticket, policy, tz, now = new Date() }: {
  ticket: TicketSlaFacts & { slaPausedAt: Date | null; escalatedAt: Date | null }; policy: Policy | null; tz: string; now?: Date
}) {
  const t = useTranslations('tickets.slaCard')
  const tp = useTranslations('common.priority')
  const locale = useLocale() as Locale
  const sla = ticketSla(ticket, now)
  if (!sla.status) {
    return <Card title={t('title')}><p className="text-sm text-slate-600">{ticket.status === 'cancelled' ? t('cancelled') : t('noPolicy')}</p></Card>
  }
  return (
    <Card title={t('title')} actions={<SlaBadge status={sla.status} />}>
      {policy && (
        <p className="mb-3 text-sm text-slate-600">
          <span className="font-medium text-slate-800">{tp(policy.priority)} · {policy.category ?? t('allCategories')}</span>
          {' '}({policy.businessHours ? t('businessHours') : t('allHours')}){!policy.active && ` — ${t('deactivated')}`}
        </p>
      )}
      <dl className="space-y-3 text-sm">
        <Target label={t('firstResponse')} target={policy?.responseMinutes} state={sla.response!} due={ticket.responseDueAt} doneAt={ticket.firstResponseAt} tz={tz} now={now} />
        <Target resolution label={t('resolution')} target={policy?.resolutionMinutes} state={sla.resolution!} due={ticket.resolutionDueAt} doneAt={ticket.resolvedAt} tz={tz} now={now} />
      </dl>
      {ticket.slaPausedAt && sla.status === 'paused' && <p className="mt-3 text-xs text-slate-600">{t('pausedSince', { time: formatTime(ticket.slaPausedAt, tz, undefined, locale) })}</p>}
      {ticket.escalatedAt && <p className="mt-3 rounded-md bg-rose-50 px-2 py-1 text-xs font-medium text-rose-700 ring-1 ring-rose-200">{t('escalated', { time: formatTime(ticket.escalatedAt, tz, undefined, locale) })}</p>}
    </Card>
  )
}

function dueText(t: ReturnType<typeof useTranslations<'tickets.slaCard'>>, due: Date, now: Date): string {
  const { overdue, span } = dueSpan(due, now)
  return overdue ? t('overdueBy', { span }) : t('dueIn', { span })
}

function Target({ label, resolution = false, target, state, due, doneAt, tz, now }: {
  label: string; resolution?: boolean; target?: number; state: SlaTargetState; due: Date | null; doneAt: Date | null; tz: string; now: Date
}) {
  const t = useTranslations('tickets.slaCard')
  const locale = useLocale() as Locale
  const live = state === 'on_track' || state === 'at_risk' || (state === 'breached' && !doneAt)
  return (
    <div>
      <dt className="flex items-center justify-between gap-2">
        <span className="font-medium text-slate-700">{label}{target !== undefined && <span className="font-normal text-slate-600"> · {formatMinutes(target)}</span>}</span>
        <SlaTargetBadge state={state} />
      </dt>
      <dd className="mt-0.5 text-slate-600">
        {due && t.rich('due', { time: () => <time dateTime={due.toISOString()}>{formatTime(due, tz, undefined, locale)}</time> })}
        {due && live && <span className={state === 'breached' ? 'font-medium text-rose-700' : state === 'at_risk' ? 'text-amber-800' : ''}> · {dueText(t, due, now)}</span>}
        {!due && state === 'paused' && t('clockStopped')}
        {doneAt && <span className="block text-xs text-slate-600">{t(resolution ? 'resolvedAt' : 'answeredAt', { time: formatTime(doneAt, tz, undefined, locale) })}</span>}
      </dd>
    </div>
  )
}
