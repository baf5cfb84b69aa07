import { getLocale, getTranslations } from 'next-intl/server'
import { formatTime } from '@/lib/format/time'
import type { Locale } from '@/lib/i18n/config'
import { quotedNote, renderTimeline, type TimelineMessage, type TimelineTranslate } from '@/lib/tickets/timeline-text'

export type TimelineItem = { id: string; at: Date; actor: string | null; kind: string; text: string; message?: TimelineMessage; note?: string | null; due?: Date | null }

const dot: Record<string, string> = { status: 'bg-indigo-500', assignment: 'bg-sky-500', edit: 'bg-slate-400', attachment: 'bg-teal-500', sla: 'bg-rose-500', comment: 'bg-emerald-500' }

export async function Timeline({ entries, tz }: { entries: TimelineItem[]; tz: string }) {
  const t = await getTranslations('tickets.timeline')
  const locale = (await getLocale()) as Locale
  // Lines are messages with keys across the catalogue (tickets.timeline.*, common.status.*).
  const all = (await getTranslations()) as unknown as TimelineTranslate
  if (entries.length === 0) return <p className="text-sm text-slate-600">{t('empty')}</p>
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-4" aria-label={t('label')}>
      {entries.map((e) => (
        <li key={e.id} className="relative text-sm">
          <span aria-hidden className={`absolute -left-[21px] top-1.5 h-2.5 w-2.5 rounded-full ring-2 ring-white ${dot[e.kind] ?? 'bg-slate-400'}`} />
          <p className="text-slate-800">
            <span className="font-medium">{e.actor ?? t('system')}</span> {e.message ? renderTimeline(e.message, all) : e.text}
            {e.due && <span className="text-slate-600"> {t('due', { time: formatTime(e.due, tz, undefined, locale) })}</span>}
          </p>
          {e.note && <p className="mt-0.5 whitespace-pre-wrap text-slate-600">{quotedNote(e.note)}</p>}
          <time className="text-xs text-slate-600" dateTime={e.at.toISOString()}>{formatTime(e.at, tz, undefined, locale)}</time>
        </li>
      ))}
    </ol>
  )
}
