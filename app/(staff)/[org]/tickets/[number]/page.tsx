import type { Metadata } from 'next'
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import type { Locale } from '@/lib/i18n/config'
import { ActionForm } from '@/components/ui/action-form'
import { FlashRegion } from '@/components/forms/flash'
import { Badge } from '@/components/ui/badge'
import { Card } from '@/components/ui/card'
import { AssignForm } from '@/components/tickets/assign-form'
import { PriorityBadge, SensitiveBadge, StatusBadge } from '@/components/tickets/badges'
import { Conversation } from '@/components/tickets/conversation'
import { AttachmentList } from '@/components/attachments/attachment-list'
import { ticketFiles } from '@/lib/attachments'
import { withFileEvents } from '@/lib/attachments/ticket-files'
import { EditTicketForm } from '@/components/tickets/edit-ticket-form'
import { MergeForm } from '@/components/merge/merge-form'
import { CsatCard } from '@/components/csat/csat-card'
import { ticketCsat } from '@/lib/csat'
import { mergedIntoNumber } from '@/lib/tickets'
import { mergeTicketsAction } from '../merge-actions'
import { ReplyFormWithCanned } from '@/components/canned-replies/reply-form-with-canned'
import { listCannedReplies } from '@/lib/canned-replies'
import { fillCannedReplyAction } from '../../../../(account)/[org]/canned-replies/actions'
import { TicketPresence } from '@/components/tickets/ticket-presence'
import { LiveRefresh } from '@/components/live/live-refresh'
import { latestAt } from '@/lib/live/seen-at'
import { SlaCard } from '@/components/sla/sla-card'
import { StatusActions } from '@/components/tickets/status-actions'
import { Timeline } from '@/components/tickets/timeline'
import { formatTime } from '@/lib/format/time'
import { orNotFound, pageCtx, ticketNumberOr404, viewerTimeZone } from '@/lib/pages/guard'
import { ticketSlaPolicy } from '@/lib/sla'
import { getTicketDetail } from '@/lib/tickets'
import { listCategories } from '@/lib/tickets'
import { assignmentOptions } from '@/lib/tickets'
import { listTicketCc, watchState } from '@/lib/tickets'
import { TagsControl } from '@/components/tickets/tags-control'
import { TagLink } from '@/components/tickets/tag-link'
import { FollowToggle } from '@/components/tickets/follow-toggle'
import { CcControl } from '@/components/tickets/cc-control'
import { Acceptance } from '@/components/tickets/acceptance'
import { AutoAssignButton } from '@/components/tickets/auto-assign-button'
import {
  acceptAction, addCcAction, addTagAction, assignAction, autoAssignAction, changeStatusAction, deleteTicketAction, followAction, markSolutionAction,
  rejectAction, removeCcAction, removeTagAction, replyAction, restoreTicketAction, unfollowAction, updateTicketAction,
} from '../actions'
import { deleteAttachmentAction } from '../attachment-actions'

type Props = { params: Promise<{ org: string; number: string }>; searchParams: Promise<{ created?: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations('tickets.ticketPage')
  return { title: t('metaTitle', { number: (await params).number }) }
}

export default async function TicketPage({ params, searchParams }: Props) {
  const { org, number: raw } = await params
  const ctx = await pageCtx(org)
  const number = ticketNumberOr404(raw)
  const { ticket: t, conversation, timeline, allowedStatuses } = await orNotFound(getTicketDetail(ctx, number))
  const [options, categories, tz, policy, files, watch, cc, canned, mergedInto, csat] = await Promise.all([
    assignmentOptions(ctx, t), listCategories(ctx), viewerTimeZone(ctx), ticketSlaPolicy(ctx, t), ticketFiles(ctx, t.id), watchState(ctx, t.id), listTicketCc(ctx, t.id),
    listCannedReplies(ctx), mergedIntoNumber(ctx, t), ticketCsat(ctx, t.number),
  ])
  const tr = await getTranslations('tickets.ticketPage')
  const locale = (await getLocale()) as Locale
  const time = (d: Date | null) => formatTime(d, tz, undefined, locale)
  const admin = ctx.role === 'admin'
  const deleted = !!t.deletedAt
  // §4: a closed ticket takes no more replies until an admin reopens it; a cancelled one never does.
  const finished = t.status === 'closed' || t.status === 'cancelled'
  const fields = { org, number: t.number }
  return (
    <div>
      <LiveRefresh org={org} number={t.number} />
      <FlashRegion />
      <nav aria-label={tr('breadcrumb')} className="mb-3 text-sm text-slate-600">
        <Link href={`/${org}/tickets`} className="hover:text-slate-800 hover:underline">{tr('tickets')}</Link>{' / #'}{t.number}
      </nav>
      {(await searchParams).created && (
        <p role="status" className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-700 ring-1 ring-emerald-200">{tr('created', { number: t.number })}</p>
      )}
      {deleted && (
        <div role="status" className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-md bg-slate-100 px-4 py-3 text-sm text-slate-700 ring-1 ring-slate-300">
          <span>{tr('deletedOn', { time: time(t.deletedAt) })}</span>
          {admin && <ActionForm action={restoreTicketAction} fields={fields} label={tr('restore')} pendingLabel={tr('restoring')} flash={tr('restored', { number: t.number })} />}
        </div>
      )}
      {t.mergedIntoId && (
        <p role="status" className="mb-4 rounded-md bg-indigo-50 px-4 py-3 text-sm text-indigo-800 ring-1 ring-indigo-200">
          {mergedInto ? tr.rich('mergedInto', { number: mergedInto, link: (chunks) => <Link className="font-medium underline" href={`/${org}/tickets/${mergedInto}`}>{chunks}</Link> }) : tr('mergedElsewhere')}
        </p>
      )}
      <header className="mb-6">
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={t.status} />
          <PriorityBadge priority={t.priority} />
          {t.sensitive && <SensitiveBadge />}
          {deleted && <Badge tone="slate">{tr('deleted')}</Badge>}
        </div>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900"><span className="text-slate-600">#{t.number}</span> {t.title}</h1>
        <div className="mt-1 flex flex-wrap items-center justify-between gap-2">
          <p className="text-sm text-slate-600">
            {tr.rich('raisedBy', { name: t.requester.name, email: t.requester.email, time: time(t.createdAt), b: (chunks) => <span className="font-medium text-slate-700">{chunks}</span> })}
          </p>
          {!deleted && <FollowToggle org={org} number={t.number} following={watch.following} count={watch.count} followAction={followAction} unfollowAction={unfollowAction} />}
        </div>
      </header>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title={tr('description')}>
            <p className="whitespace-pre-wrap break-words text-sm text-slate-800">{t.description}</p>
            <AttachmentList org={org} items={files.description} deleteAction={deleted ? undefined : deleteAttachmentAction} />
          </Card>
          <section aria-labelledby="conv-h" className="space-y-4">
            <h2 id="conv-h" className="text-sm font-semibold text-slate-900">{tr('conversation')}</h2>
            <Conversation org={org} number={t.number} entries={conversation} tz={tz} requesterId={t.requester.id} markSolution={deleted ? undefined : markSolutionAction}
              files={files.byComment} deleteFile={deleted ? undefined : deleteAttachmentAction} />
            {!deleted && finished && (
              <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600 ring-1 ring-slate-200" data-testid="replies-closed">
                {t.status === 'cancelled'
                  ? tr('repliesClosedCancelled')
                  : admin ? tr('repliesClosedAdmin')
                  : tr('repliesClosed')}
              </p>
            )}
            {!deleted && !finished && (
              <TicketPresence org={org} number={t.number}>
                <ReplyFormWithCanned org={org} number={t.number} allowInternal action={replyAction} maxFileBytes={files.maxFileBytes}
                  replies={canned} fill={fillCannedReplyAction} seenAt={latestAt([t.createdAt, ...conversation.map((c) => c.createdAt)])} />
              </TicketPresence>
            )}
          </section>
        </div>

        <aside className="space-y-6">
          <Card title={tr('status')}>
            <StatusActions org={org} number={t.number} status={t.status} allowed={allowedStatuses} action={changeStatusAction} />
          </Card>
          <SlaCard ticket={t} policy={policy} tz={tz} />
          <CsatCard surveys={csat} tz={tz} />
          {!deleted && (
            <Card title={tr('assignment')} actions={
              <div className="flex items-start gap-1">
                {/* Taking an unassigned ticket: allowed when it has no team or I am in its team (and, if sensitive, cleared). */}
                {!t.assigneeId && options.canTakeIt && (
                  <ActionForm action={assignAction} fields={{ ...fields, assigneeId: ctx.user.id }} label={tr('assignToMe')} pendingLabel={tr('assigning')} variant="ghost" className="px-2 py-1 text-xs" />
                )}
                <AutoAssignButton org={org} number={t.number} action={autoAssignAction} />
              </div>
            }>
              <div className="space-y-4">
                <p className="text-sm text-slate-700" data-testid="assignment-summary">
                  {t.team ? <>{tr.rich('inTeam', { team: t.team.name, b: (chunks) => <span className="font-medium">{chunks}</span> })}{t.team.restricted && ` ${tr('restricted')}`}</> : tr('noTeam')}
                  {' · '}
                  {t.assignee ? <>
                    <span className="font-medium">{t.assignee.id === ctx.user.id ? tr('you') : t.assignee.name}</span>
                    {/* Accepting is the field-ops flow (§6): only a field team's jobs wait for an answer. */}
                    {t.team?.field && (t.acceptedAt ? <span className="text-slate-600"> · {tr('acceptedAt', { time: time(t.acceptedAt) })}</span> : <span className="text-amber-700"> · {tr('notAccepted')}</span>)}
                  </> : tr('unassignedLower')}
                </p>
                {t.assigneeId === ctx.user.id && t.team?.field && !['resolved', 'closed', 'cancelled'].includes(t.status) && (
                  <Acceptance org={org} number={t.number} accepted={!!t.acceptedAt} team={t.team?.name ?? null} acceptAction={acceptAction} rejectAction={rejectAction} />
                )}
                <AssignForm key={`${t.teamId}-${t.assigneeId}`} org={org} number={t.number} teamId={t.teamId}
                  assignee={t.assignee ? { id: t.assignee.id, name: t.assignee.name } : null}
                  viewerId={ctx.user.id} teams={options.teams} action={assignAction} />
              </div>
            </Card>
          )}
          <Card title={tr('tags')}>
            {deleted
              ? (t.tags.length ? <div className="flex flex-wrap gap-1.5">{t.tags.map((tag) => <TagLink key={tag} org={org} tag={tag} />)}</div> : <p className="text-sm text-slate-600">{tr('noTags')}</p>)
              : <TagsControl org={org} number={t.number} tags={t.tags} addAction={addTagAction} removeAction={removeTagAction} />}
          </Card>
          {!deleted && (
            <Card title={tr('copied')}>
              <CcControl org={org} number={t.number} emails={cc} sensitive={t.sensitive} addAction={addCcAction} removeAction={removeCcAction} />
            </Card>
          )}
          <Card title={tr('details')}>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-slate-600">{tr('category')}</dt><dd>{t.category ?? '—'}</dd>
              <dt className="text-slate-600">{tr('team')}</dt><dd>{t.team?.name ?? '—'}</dd>
              <dt className="text-slate-600">{tr('assignee')}</dt><dd>{t.assignee?.name ?? tr('unassigned')}</dd>
              {t.assetRef && (<><dt className="text-slate-600">{tr('asset')}</dt><dd>{t.assetRef}</dd></>)}
              <dt className="text-slate-600">{tr('createdAt')}</dt><dd>{time(t.createdAt)}</dd>
              <dt className="text-slate-600">{tr('firstResponse')}</dt><dd>{time(t.firstResponseAt)}</dd>
              <dt className="text-slate-600">{tr('resolved')}</dt><dd>{time(t.resolvedAt)}</dd>
              <dt className="text-slate-600">{tr('updated')}</dt><dd>{time(t.updatedAt)}</dd>
            </dl>
            {!deleted && (
              <details className="mt-4 border-t border-slate-100 pt-3">
                <summary className="cursor-pointer text-sm font-medium text-indigo-700">{tr('editDetails')}</summary>
                <div className="mt-3">
                  <EditTicketForm key={t.updatedAt.toISOString()} org={org} canUnflag={admin} categories={categories} action={updateTicketAction}
                    ticket={{ number: t.number, title: t.title, description: t.description, priority: t.priority, categoryId: t.categoryId, sensitive: t.sensitive }} />
                </div>
              </details>
            )}
          </Card>
          <Card title={tr('timeline')}><Timeline entries={withFileEvents(timeline, files.events)} tz={tz} /></Card>
          {!deleted && !t.mergedIntoId && t.status !== 'closed' && t.status !== 'cancelled' && (
            <Card title={tr('merge')}><MergeForm org={org} number={t.number} action={mergeTicketsAction} /></Card>
          )}
          {admin && !deleted && (
            <Card title={tr('dangerZone')}>
              <ActionForm action={deleteTicketAction} fields={fields} label={tr('delete')} pendingLabel={tr('deleting')} variant="secondary" flash={tr('deletedFlash', { number: t.number })}
                confirm={{ title: tr('deleteTitle', { number: t.number }), body: tr('deleteBody'), confirmLabel: tr('delete') }} />
            </Card>
          )}
        </aside>
      </div>
    </div>
  )
}
