import type { Metadata } from 'next'
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import type { Locale } from '@/lib/i18n/config'
import { Card } from '@/components/ui/card'
import { FlashRegion } from '@/components/forms/flash'
import { PriorityBadge, StatusBadge } from '@/components/tickets/badges'
import { Conversation } from '@/components/tickets/conversation'
import { AttachmentList } from '@/components/attachments/attachment-list'
import { ticketFiles } from '@/lib/attachments'
import { withFileEvents } from '@/lib/attachments/ticket-files'
import { ReplyForm } from '@/components/tickets/reply-form'
import { LiveRefresh } from '@/components/live/live-refresh'
import { latestAt } from '@/lib/live/seen-at'
import { StatusActions } from '@/components/tickets/status-actions'
import { Timeline } from '@/components/tickets/timeline'
import { formatTime } from '@/lib/format/time'
import { orNotFound, pageCtx, ticketNumberOr404, viewerTimeZone } from '@/lib/pages/guard'
import { getTicketDetail, listTicketCc } from '@/lib/tickets'
import { CcControl } from '@/components/tickets/cc-control'
import { SurveyForm } from '@/components/csat/survey-form'
import { pendingSurvey } from '@/lib/csat'
import { mergedIntoNumber } from '@/lib/tickets'
import { answerSurveyInPortalAction } from '../csat-actions'
import { presentRequesterTicket } from '@/lib/presenters/tickets'
import { addCcAction, changeStatusAction, removeCcAction, replyAction } from '@/app/(staff)/[org]/tickets/actions'
import { deleteAttachmentAction } from '@/app/(staff)/[org]/tickets/attachment-actions'

type Props = { params: Promise<{ org: string; number: string }>; searchParams: Promise<{ created?: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getTranslations('portal.ticketPage'))('title', { number: (await params).number }) }
}

// The statuses with a word for the requester about what happens next (portal.ticketPage.hints.<status>).
const hinted = ['new', 'pending', 'resolved', 'closed', 'cancelled'] as const
const hasHint = (s: string): s is (typeof hinted)[number] => (hinted as readonly string[]).includes(s)

/** The requester's view: public conversation only (internal notes never leave lib/, §7). */
export default async function PortalTicketPage({ params, searchParams }: Props) {
  const { org, number: raw } = await params
  const ctx = await pageCtx(org)
  const number = ticketNumberOr404(raw)
  const detail = await orNotFound(getTicketDetail(ctx, number))
  const { conversation, timeline, allowedStatuses } = detail
  // What a requester may see of the ticket, the same shape the API answers them (lib/presenters).
  const t = presentRequesterTicket(detail.ticket)
  const [tr, locale] = await Promise.all([getTranslations('portal.ticketPage'), getLocale() as Promise<Locale>])
  const [tz, files, cc, survey, mergedInto] = await Promise.all([viewerTimeZone(ctx), ticketFiles(ctx, detail.ticket.id), listTicketCc(ctx, detail.ticket.id),
    pendingSurvey(ctx, number), mergedIntoNumber(ctx, detail.ticket)])
  // A restricted request sends no copies (lib/tickets/cc.ts), so it offers none (without naming the flag, a staff field).
  const canCopy = !detail.ticket.sensitive
  const finished = t.status === 'closed' || t.status === 'cancelled'
  return (
    <div className="space-y-6">
      <FlashRegion />
      <nav aria-label={tr('breadcrumb')} className="text-sm text-slate-600">
        <Link href={`/${org}/portal`} className="hover:text-slate-800 hover:underline">{tr('myRequests')}</Link>{` / #${t.number}`}
      </nav>
      {(await searchParams).created && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-700 ring-1 ring-emerald-200">
          {tr('created', { number: t.number })}
        </p>
      )}
      <header>
        <div className="flex flex-wrap items-center gap-2"><StatusBadge status={t.status} /><PriorityBadge priority={t.priority} /></div>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900"><span className="text-slate-600">#{t.number}</span> {t.title}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {tr('submitted', { date: formatTime(new Date(t.createdAt), tz, undefined, locale) })}{t.category ? ` · ${t.category.name}` : ''}{t.assignee ? tr('handledBy', { name: t.assignee.name }) : ''}
        </p>
        {hasHint(t.status) && <p className="mt-3 text-sm text-slate-700">{tr(`hints.${t.status}`)}</p>}
        {/* Only a merge into one of their own requests is linked; another requester's ticket is not named. */}
        {detail.ticket.mergedIntoId && (
          <p role="status" className="mt-3 text-sm text-slate-700">
            {mergedInto
              ? tr.rich('mergedInto', { number: mergedInto, link: (chunks) => <Link className="font-medium text-indigo-700 hover:underline" href={`/${org}/portal/${mergedInto}`}>{chunks}</Link> })
              : tr('mergedElsewhere')}
          </p>
        )}
        {/* The promise only while it can still be kept; internal SLA detail stays with staff. */}
        {t.respondBy && (
          <p className="mt-2 text-sm text-slate-600">{tr.rich('respondBy', { date: formatTime(new Date(t.respondBy), tz, undefined, locale), time: (chunks) => <time dateTime={t.respondBy!} className="font-medium text-slate-800">{chunks}</time> })}</p>
        )}
      </header>
      {survey && (
        <Card title={tr('surveyTitle')}>
          <SurveyForm action={answerSurveyInPortalAction} hidden={{ org, number: t.number }} />
        </Card>
      )}
      {allowedStatuses.length > 0 && (
        <Card title={tr('nextTitle')}>
          <StatusActions org={org} number={t.number} status={t.status} allowed={allowedStatuses} requester action={changeStatusAction} />
        </Card>
      )}
      <Card title={tr('descriptionTitle')}>
        <p className="whitespace-pre-wrap break-words text-sm text-slate-800">{t.description}</p>
        <AttachmentList org={org} items={files.description} deleteAction={deleteAttachmentAction} />
      </Card>
      <section aria-labelledby="conv-h" className="space-y-4">
        <h2 id="conv-h" className="text-sm font-semibold text-slate-900">{tr('conversation')}</h2>
        <Conversation org={org} number={t.number} entries={conversation} tz={tz} requesterId={detail.ticket.requester.id} files={files.byComment} deleteFile={deleteAttachmentAction} />
        {finished
          ? <p className="text-sm text-slate-600">{tr('repliesClosed')} <Link className="text-indigo-700 hover:underline" href={`/${org}/portal/new`}>{tr('raiseNew')}</Link></p>
          : <ReplyForm org={org} number={t.number} allowInternal={false} action={replyAction} maxFileBytes={files.maxFileBytes}
            seenAt={latestAt([t.createdAt, ...conversation.map((c) => c.createdAt)])} />}
        <LiveRefresh org={org} number={t.number} />
      </section>
      {canCopy && (
        <Card title={tr('ccTitle')}>
          <CcControl org={org} number={t.number} emails={cc} sensitive={false} addAction={addCcAction} removeAction={removeCcAction} />
        </Card>
      )}
      <Card title={tr('historyTitle')}><Timeline entries={withFileEvents(timeline, files.events)} tz={tz} /></Card>
    </div>
  )
}
