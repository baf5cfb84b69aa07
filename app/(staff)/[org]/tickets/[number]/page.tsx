import type { Metadata } from 'next'
import Link from 'next/link'
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
  return { title: `Ticket #${(await params).number}` }
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
  const admin = ctx.role === 'admin'
  const deleted = !!t.deletedAt
  // §4: a closed ticket takes no more replies until an admin reopens it; a cancelled one never does.
  const finished = t.status === 'closed' || t.status === 'cancelled'
  const fields = { org, number: t.number }
  return (
    <div>
      <LiveRefresh org={org} number={t.number} />
      <FlashRegion />
      <nav aria-label="Breadcrumb" className="mb-3 text-sm text-slate-600">
        <Link href={`/${org}/tickets`} className="hover:text-slate-800 hover:underline">Tickets</Link> / #{t.number}
      </nav>
      {(await searchParams).created && (
        <p role="status" className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-700 ring-1 ring-emerald-200">Ticket #{t.number} created.</p>
      )}
      {deleted && (
        <div role="status" className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-md bg-slate-100 px-4 py-3 text-sm text-slate-700 ring-1 ring-slate-300">
          <span>This ticket was deleted on {formatTime(t.deletedAt, tz)}. It is hidden from every list until restored.</span>
          {admin && <ActionForm action={restoreTicketAction} fields={fields} label="Restore ticket" pendingLabel="Restoring…" flash={`Ticket #${t.number} restored.`} />}
        </div>
      )}
      {t.mergedIntoId && (
        <p role="status" className="mb-4 rounded-md bg-indigo-50 px-4 py-3 text-sm text-indigo-800 ring-1 ring-indigo-200">
          {mergedInto ? <>This ticket was merged into <Link className="font-medium underline" href={`/${org}/tickets/${mergedInto}`}>#{mergedInto}</Link>.</> : 'This ticket was merged into another ticket.'}
        </p>
      )}
      <header className="mb-6">
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={t.status} />
          <PriorityBadge priority={t.priority} />
          {t.sensitive && <SensitiveBadge />}
          {deleted && <Badge tone="slate">Deleted</Badge>}
        </div>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900"><span className="text-slate-600">#{t.number}</span> {t.title}</h1>
        <div className="mt-1 flex flex-wrap items-center justify-between gap-2">
          <p className="text-sm text-slate-600">
            Raised by <span className="font-medium text-slate-700">{t.requester.name}</span> ({t.requester.email}) · {formatTime(t.createdAt, tz)}
          </p>
          {!deleted && <FollowToggle org={org} number={t.number} following={watch.following} count={watch.count} followAction={followAction} unfollowAction={unfollowAction} />}
        </div>
      </header>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Description">
            <p className="whitespace-pre-wrap break-words text-sm text-slate-800">{t.description}</p>
            <AttachmentList org={org} items={files.description} deleteAction={deleted ? undefined : deleteAttachmentAction} />
          </Card>
          <section aria-labelledby="conv-h" className="space-y-4">
            <h2 id="conv-h" className="text-sm font-semibold text-slate-900">Conversation</h2>
            <Conversation org={org} number={t.number} entries={conversation} tz={tz} requesterId={t.requester.id} markSolution={deleted ? undefined : markSolutionAction}
              files={files.byComment} deleteFile={deleted ? undefined : deleteAttachmentAction} />
            {!deleted && finished && (
              <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600 ring-1 ring-slate-200" data-testid="replies-closed">
                {t.status === 'cancelled'
                  ? 'This ticket was cancelled, so replies are closed. If the problem comes back, raise a new ticket.'
                  : admin ? 'This ticket is closed, so replies are closed. Reopen it (Status) to reply.'
                  : 'This ticket is closed, so replies are closed. An admin can reopen it; or raise a new ticket.'}
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
          <Card title="Status">
            <StatusActions org={org} number={t.number} status={t.status} allowed={allowedStatuses} action={changeStatusAction} />
          </Card>
          <SlaCard ticket={t} policy={policy} tz={tz} />
          <CsatCard surveys={csat} tz={tz} />
          {!deleted && (
            <Card title="Assignment" actions={
              <div className="flex items-start gap-1">
                {/* Taking an unassigned ticket: allowed when it has no team or I am in its team (and, if sensitive, cleared). */}
                {!t.assigneeId && options.canTakeIt && (
                  <ActionForm action={assignAction} fields={{ ...fields, assigneeId: ctx.user.id }} label="Assign to me" pendingLabel="Assigning…" variant="ghost" className="px-2 py-1 text-xs" />
                )}
                <AutoAssignButton org={org} number={t.number} action={autoAssignAction} />
              </div>
            }>
              <div className="space-y-4">
                <p className="text-sm text-slate-700" data-testid="assignment-summary">
                  {t.team ? <>In <span className="font-medium">{t.team.name}</span>{t.team.restricted && ' (restricted)'}</> : 'No team'}
                  {' · '}
                  {t.assignee ? <>
                    <span className="font-medium">{t.assignee.id === ctx.user.id ? 'you' : t.assignee.name}</span>
                    {/* Accepting is the field-ops flow (§6): only a field team's jobs wait for an answer. */}
                    {t.team?.field && (t.acceptedAt ? <span className="text-slate-600"> · accepted {formatTime(t.acceptedAt, tz)}</span> : <span className="text-amber-700"> · not accepted yet</span>)}
                  </> : 'unassigned'}
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
          <Card title="Tags">
            {deleted
              ? (t.tags.length ? <div className="flex flex-wrap gap-1.5">{t.tags.map((tag) => <TagLink key={tag} org={org} tag={tag} />)}</div> : <p className="text-sm text-slate-600">No tags.</p>)
              : <TagsControl org={org} number={t.number} tags={t.tags} addAction={addTagAction} removeAction={removeTagAction} />}
          </Card>
          {!deleted && (
            <Card title="Copied on replies">
              <CcControl org={org} number={t.number} emails={cc} sensitive={t.sensitive} addAction={addCcAction} removeAction={removeCcAction} />
            </Card>
          )}
          <Card title="Details">
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-slate-600">Category</dt><dd>{t.category ?? '—'}</dd>
              <dt className="text-slate-600">Team</dt><dd>{t.team?.name ?? '—'}</dd>
              <dt className="text-slate-600">Assignee</dt><dd>{t.assignee?.name ?? 'Unassigned'}</dd>
              {t.assetRef && (<><dt className="text-slate-600">Asset</dt><dd>{t.assetRef}</dd></>)}
              <dt className="text-slate-600">Created</dt><dd>{formatTime(t.createdAt, tz)}</dd>
              <dt className="text-slate-600">First response</dt><dd>{formatTime(t.firstResponseAt, tz)}</dd>
              <dt className="text-slate-600">Resolved</dt><dd>{formatTime(t.resolvedAt, tz)}</dd>
              <dt className="text-slate-600">Updated</dt><dd>{formatTime(t.updatedAt, tz)}</dd>
            </dl>
            {!deleted && (
              <details className="mt-4 border-t border-slate-100 pt-3">
                <summary className="cursor-pointer text-sm font-medium text-indigo-700">Edit details</summary>
                <div className="mt-3">
                  <EditTicketForm key={t.updatedAt.toISOString()} org={org} canUnflag={admin} categories={categories} action={updateTicketAction}
                    ticket={{ number: t.number, title: t.title, description: t.description, priority: t.priority, categoryId: t.categoryId, sensitive: t.sensitive }} />
                </div>
              </details>
            )}
          </Card>
          <Card title="Timeline"><Timeline entries={withFileEvents(timeline, files.events)} tz={tz} /></Card>
          {!deleted && !t.mergedIntoId && t.status !== 'closed' && t.status !== 'cancelled' && (
            <Card title="Merge"><MergeForm org={org} number={t.number} action={mergeTicketsAction} /></Card>
          )}
          {admin && !deleted && (
            <Card title="Danger zone">
              <ActionForm action={deleteTicketAction} fields={fields} label="Delete ticket" pendingLabel="Deleting…" variant="secondary" flash={`Ticket #${t.number} deleted. Restore it from the top of this page.`}
                confirm={{ title: `Delete ticket #${t.number}?`, body: 'It disappears from every list, search and count. An admin can restore it later from the list’s “Deleted only” filter.', confirmLabel: 'Delete ticket' }} />
            </Card>
          )}
        </aside>
      </div>
    </div>
  )
}
