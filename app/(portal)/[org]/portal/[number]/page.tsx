import type { Metadata } from 'next'
import Link from 'next/link'
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
  return { title: `Request #${(await params).number}` }
}

const hints: Partial<Record<string, string>> = {
  new: 'We have your request and will pick it up shortly. You can still cancel it.',
  pending: 'We are waiting for your reply — answer below and work resumes.',
  resolved: 'We believe this is fixed. Confirm to close it, or reopen it if the problem is still there.',
  closed: 'This request is closed. If you need more help, raise a new request.',
  cancelled: 'This request was cancelled.',
}

/** The requester's view: public conversation only (internal notes never leave lib/, §7). */
export default async function PortalTicketPage({ params, searchParams }: Props) {
  const { org, number: raw } = await params
  const ctx = await pageCtx(org)
  const number = ticketNumberOr404(raw)
  const detail = await orNotFound(getTicketDetail(ctx, number))
  const { conversation, timeline, allowedStatuses } = detail
  // What a requester may see of the ticket, the same shape the API answers them (lib/presenters).
  const t = presentRequesterTicket(detail.ticket)
  const [tz, files, cc, survey, mergedInto] = await Promise.all([viewerTimeZone(ctx), ticketFiles(ctx, detail.ticket.id), listTicketCc(ctx, detail.ticket.id),
    pendingSurvey(ctx, number), mergedIntoNumber(ctx, detail.ticket)])
  // A restricted request sends no copies (lib/tickets/cc.ts), so it offers none (without naming the flag, a staff field).
  const canCopy = !detail.ticket.sensitive
  const finished = t.status === 'closed' || t.status === 'cancelled'
  return (
    <div className="space-y-6">
      <FlashRegion />
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
        <Link href={`/${org}/portal`} className="hover:text-slate-800 hover:underline">My requests</Link> / #{t.number}
      </nav>
      {(await searchParams).created && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-700 ring-1 ring-emerald-200">
          Thanks — your request #{t.number} has been received.
        </p>
      )}
      <header>
        <div className="flex flex-wrap items-center gap-2"><StatusBadge status={t.status} /><PriorityBadge priority={t.priority} /></div>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900"><span className="text-slate-600">#{t.number}</span> {t.title}</h1>
        <p className="mt-1 text-sm text-slate-600">
          Submitted {formatTime(new Date(t.createdAt), tz)}{t.category ? ` · ${t.category.name}` : ''}{t.assignee ? ` · handled by ${t.assignee.name}` : ''}
        </p>
        {hints[t.status] && <p className="mt-3 text-sm text-slate-700">{hints[t.status]}</p>}
        {/* Only a merge into one of their own requests is linked; another requester's ticket is not named. */}
        {detail.ticket.mergedIntoId && (
          <p role="status" className="mt-3 text-sm text-slate-700">
            This request was merged into {mergedInto ? <Link className="font-medium text-indigo-700 hover:underline" href={`/${org}/portal/${mergedInto}`}>#{mergedInto}</Link> : 'another request about the same problem'}; the conversation continues there.
          </p>
        )}
        {/* The promise only while it can still be kept; internal SLA detail stays with staff. */}
        {t.respondBy && (
          <p className="mt-2 text-sm text-slate-600">We aim to respond by <time dateTime={t.respondBy} className="font-medium text-slate-800">{formatTime(new Date(t.respondBy), tz)}</time>.</p>
        )}
      </header>
      {survey && (
        <Card title="How did we do?">
          <SurveyForm action={answerSurveyInPortalAction} hidden={{ org, number: t.number }} />
        </Card>
      )}
      {allowedStatuses.length > 0 && (
        <Card title="What next?">
          <StatusActions org={org} number={t.number} status={t.status} allowed={allowedStatuses} requester action={changeStatusAction} />
        </Card>
      )}
      <Card title="Your description">
        <p className="whitespace-pre-wrap break-words text-sm text-slate-800">{t.description}</p>
        <AttachmentList org={org} items={files.description} deleteAction={deleteAttachmentAction} />
      </Card>
      <section aria-labelledby="conv-h" className="space-y-4">
        <h2 id="conv-h" className="text-sm font-semibold text-slate-900">Conversation</h2>
        <Conversation org={org} number={t.number} entries={conversation} tz={tz} requesterId={detail.ticket.requester.id} files={files.byComment} deleteFile={deleteAttachmentAction} />
        {finished
          ? <p className="text-sm text-slate-600">Replies are closed. <Link className="text-indigo-700 hover:underline" href={`/${org}/portal/new`}>Raise a new request</Link></p>
          : <ReplyForm org={org} number={t.number} allowInternal={false} action={replyAction} maxFileBytes={files.maxFileBytes}
            seenAt={latestAt([t.createdAt, ...conversation.map((c) => c.createdAt)])} />}
        <LiveRefresh org={org} number={t.number} />
      </section>
      {canCopy && (
        <Card title="Copied on replies">
          <CcControl org={org} number={t.number} emails={cc} sensitive={false} addAction={addCcAction} removeAction={removeCcAction} />
        </Card>
      )}
      <Card title="History"><Timeline entries={withFileEvents(timeline, files.events)} tz={tz} /></Card>
    </div>
  )
}
