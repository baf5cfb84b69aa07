'use client'
import { useMemo, useRef, useState, type ReactNode } from 'react'
import { useServerAction } from '@/components/forms/use-server-action'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { Field, Input, Select } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import type { ComboOption } from '@/components/ui/combobox'
import { BulkAction, CONFIRM_OVER, describeBulkAction, ticketPriorities, ticketStatuses, type BulkResult, type BulkSelection } from '@/lib/tickets/bulk-schemas'
import { statusLabels } from '@/lib/tickets/workflow'
import { AssigneePicker } from './assignee-picker'
import { BulkResults } from './bulk-results'
import { streamedBulk, type BulkProgress } from './bulk-stream'

export type BulkTeam = { id: string; name: string; restricted: boolean }
type Kind = BulkAction['type']

const kinds: { value: Kind; label: string; adminOnly?: boolean }[] = [
  { value: 'assign', label: 'Assign or transfer' },
  { value: 'status', label: 'Change status' },
  { value: 'priority', label: 'Change priority' },
  { value: 'add_tag', label: 'Add tag' },
  { value: 'remove_tag', label: 'Remove tag' },
  { value: 'close', label: 'Close' },
  { value: 'delete', label: 'Delete', adminOnly: true },
]
const destructive = new Set<Kind>(['close', 'delete'])
const KEEP_TEAM = '__keep'
const fmt = (n: number) => n.toLocaleString('en')
const tickets = (n: number) => `${fmt(n)} ${n === 1 ? 'ticket' : 'tickets'}`

/**
 * The bar over a list with ticked rows: pick an action and its value, apply. Destructive
 * actions, and any action on more than CONFIRM_OVER tickets, are confirmed first. While it
 * runs the bar says on how many; afterwards it lists what was refused, and why.
 */
export function BulkBar({ org, count, scope, selection, canDelete, teams, onDone, onClear }: {
  org: string; count: number; scope: ReactNode; selection: BulkSelection; canDelete: boolean; teams: BulkTeam[]
  onDone: () => void; onClear: () => void
}) {
  const [progress, setProgress] = useState<BulkProgress | null>(null)
  const action = useMemo(() => streamedBulk(org, setProgress), [org])
  const { state, pending, run } = useServerAction(action)
  const [kind, setKind] = useState<Kind | ''>('')
  const [values, setValues] = useState({ teamId: KEEP_TEAM, reason: '', to: '', note: '', priority: '', tag: '' })
  const [person, setPerson] = useState<ComboOption | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [running, setRunning] = useState<{ label: string; count: number } | null>(null)
  const [shown, setShown] = useState<{ label: string; result: BulkResult } | null>(null)
  const confirmRef = useRef<HTMLDialogElement>(null)
  const set = (k: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }))

  const team = teams.find((t) => t.id === values.teamId)
  const built = (): BulkAction | null => {
    if (!kind) { setErrors({ type: 'Choose an action' }); return null }
    const raw = kind === 'assign' ? { type: kind, assigneeId: person?.id || null, teamId: values.teamId === KEEP_TEAM ? undefined : values.teamId || null, reason: values.reason || undefined }
      : kind === 'status' ? { type: kind, to: values.to, note: values.note }
      : kind === 'priority' ? { type: kind, priority: values.priority }
      : kind === 'add_tag' || kind === 'remove_tag' ? { type: kind, tag: values.tag }
      : { type: kind }
    const parsed = BulkAction.safeParse(raw)
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? 'type'), i.message])))
      return null
    }
    setErrors({})
    return parsed.data
  }
  const labelOf = (a: BulkAction) => describeBulkAction(a, { team: team?.name, assignee: person?.label, status: a.type === 'status' ? statusLabels[a.to] : undefined })

  const send = async (a: BulkAction) => {
    confirmRef.current?.close()
    const label = labelOf(a)
    setRunning({ label, count })
    const form = new FormData()
    form.set('payload', JSON.stringify({ selection, action: a }))
    const next = await run(form)
    setRunning(null)
    if (next?.ok && next.data) {
      setShown({ label, result: next.data })
      onDone()
    }
  }
  const [pendingAction, setPendingAction] = useState<BulkAction | null>(null)
  const apply = () => {
    const a = built()
    if (!a) return
    if (destructive.has(a.type) || count > CONFIRM_OVER) {
      setPendingAction(a)
      confirmRef.current?.showModal()
    } else void send(a)
  }

  return (
    <div className="mb-3 space-y-3">
      {shown && <BulkResults org={org} label={shown.label} result={shown.result} onDismiss={() => setShown(null)} />}
      {count > 0 && (
        <section aria-label="Bulk actions" className="sticky top-2 z-10 rounded-lg bg-indigo-50 p-3 shadow-sm ring-1 ring-indigo-200">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-indigo-950">
            <p className="font-semibold" aria-live="polite">{tickets(count)} selected</p>
            <button type="button" onClick={onClear} className="text-indigo-700 underline-offset-2 hover:underline">Clear selection</button>
            {scope && <p className="basis-full text-indigo-900 sm:basis-auto">{scope}</p>}
          </div>
          <div className="mt-3 flex flex-wrap items-end gap-3">
            <div className="w-48">
              <Field id="bulk-type" label="Action" error={errors.type}>
                <Select id="bulk-type" value={kind} invalid={!!errors.type} describedBy="bulk-type-error" onChange={(e) => { setKind(e.target.value as Kind); setErrors({}) }}>
                  <option value="">Choose…</option>
                  {kinds.filter((k) => !k.adminOnly || canDelete).map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
                </Select>
              </Field>
            </div>
            {kind === 'assign' && (
              <>
                <div className="w-48">
                  <Field id="bulk-team" label="Team">
                    <Select id="bulk-team" value={values.teamId} onChange={(e) => { set('teamId')(e); setPerson(null) }}>
                      <option value={KEEP_TEAM}>Keep current team</option>
                      <option value="">No team</option>
                      {teams.map((t) => <option key={t.id} value={t.id}>{t.name}{t.restricted ? ' (restricted)' : ''}</option>)}
                    </Select>
                  </Field>
                </div>
                <div className="w-64">
                  <Field id="bulk-assignee" label="Assignee" error={errors.assigneeId}>
                    <AssigneePicker org={org} id="bulk-assignee" value={person ?? { id: '', label: team ? `Unassigned (${team.name} queue)` : 'Unassigned' }}
                      onChange={(o) => setPerson(o.id ? o : null)} narrow={{ team: team?.id }}
                      fixed={[{ id: '', label: team ? `Unassigned (${team.name} queue)` : 'Unassigned' }]} />
                  </Field>
                </div>
                <div className="w-64">
                  <Field id="bulk-reason" label="Reason (for transfers)" error={errors.reason}>
                    <Input id="bulk-reason" value={values.reason} onChange={set('reason')} autoComplete="off" />
                  </Field>
                </div>
              </>
            )}
            {kind === 'status' && (
              <>
                <div className="w-44">
                  <Field id="bulk-status" label="New status" error={errors.to}>
                    <Select id="bulk-status" value={values.to} onChange={set('to')} invalid={!!errors.to} describedBy="bulk-status-error">
                      <option value="">Choose…</option>
                      {ticketStatuses.map((s) => <option key={s} value={s}>{statusLabels[s]}</option>)}
                    </Select>
                  </Field>
                </div>
                <div className="w-72">
                  <Field id="bulk-note" label={values.to === 'resolved' ? 'Resolution note' : values.to === 'cancelled' ? 'Reason for cancelling' : 'Note (optional)'} error={errors.note}>
                    <Input id="bulk-note" value={values.note} onChange={set('note')} autoComplete="off" />
                  </Field>
                </div>
              </>
            )}
            {kind === 'priority' && (
              <div className="w-40">
                <Field id="bulk-priority" label="New priority" error={errors.priority}>
                  <Select id="bulk-priority" value={values.priority} onChange={set('priority')} invalid={!!errors.priority} describedBy="bulk-priority-error">
                    <option value="">Choose…</option>
                    {ticketPriorities.map((p) => <option key={p} value={p}>{p.charAt(0).toUpperCase() + p.slice(1)}</option>)}
                  </Select>
                </Field>
              </div>
            )}
            {(kind === 'add_tag' || kind === 'remove_tag') && (
              <div className="w-48">
                <Field id="bulk-tag" label="Tag" error={errors.tag}>
                  <Input id="bulk-tag" value={values.tag} onChange={set('tag')} invalid={!!errors.tag} describedBy="bulk-tag-error" autoComplete="off" placeholder="e.g. outage" />
                </Field>
              </div>
            )}
            <Button onClick={apply} disabled={pending} aria-busy={pending} variant={kind === 'delete' ? 'danger' : 'primary'}>
              {pending && <span aria-hidden className="h-3.5 w-3.5 animate-spin rounded-full border-2 border-current border-t-transparent" />}
              {pending ? 'Applying…' : `Apply to ${tickets(count)}`}
            </Button>
          </div>
          {kind === 'close' && <p className="mt-2 text-xs text-indigo-900">Only resolved tickets can be closed (by an admin); any other is refused and listed.</p>}
          {running && (
            <p role="status" className="mt-3 flex items-center gap-2 text-sm font-medium text-indigo-900">
              <span aria-hidden className="h-3.5 w-3.5 animate-spin rounded-full border-2 border-indigo-600 border-t-transparent" />
              {progress && progress.total > 0
                ? `${running.label}: ${fmt(progress.done)} of ${tickets(progress.total)} done…`
                : `${running.label}: applying to ${tickets(running.count)}…`} Each ticket goes through the same checks as a single change.
            </p>
          )}
          {running && progress && progress.total > 0 && (
            <progress className="mt-2 h-2 w-full accent-indigo-600" max={progress.total} value={progress.done} aria-label={`${running.label}: progress`} />
          )}
          {!pending && state.ok === false && <div className="mt-3"><FormMessage state={state} /></div>}
        </section>
      )}
      <Dialog ref={confirmRef} title={pendingAction ? `${labelOf(pendingAction)}: ${tickets(count)}?` : 'Confirm'}
        description={pendingAction?.type === 'delete'
          ? 'Deleted tickets vanish from every list, search and export. An admin can restore them one at a time.'
          : pendingAction?.type === 'close' ? 'Closed tickets can be reopened only by an admin.'
          : `This changes ${tickets(count)} at once. Tickets the workflow does not allow are left as they are and listed afterwards.`}>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => confirmRef.current?.close()}>Cancel</Button>
          <Button variant={pendingAction?.type === 'delete' ? 'danger' : 'primary'} onClick={() => pendingAction && void send(pendingAction)}>
            {pendingAction ? `${pendingAction.type === 'delete' ? 'Delete' : pendingAction.type === 'close' ? 'Close' : 'Apply to'} ${tickets(count)}` : 'Confirm'}
          </Button>
        </div>
      </Dialog>
    </div>
  )
}
