'use client'
import { useMemo, useRef, useState, type ReactNode } from 'react'
import { useLocale, useTranslations } from 'next-intl'
import { useServerAction } from '@/components/forms/use-server-action'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { Field, Input, Select } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import type { ComboOption } from '@/components/ui/combobox'
import { BulkAction, CONFIRM_OVER, ticketPriorities, ticketStatuses, type BulkResult, type BulkSelection } from '@/lib/tickets/bulk-schemas'
import { formatNumber } from '@/lib/format/time'
import type { Locale } from '@/lib/i18n/config'
import { AssigneePicker } from './assignee-picker'
import { BulkResults } from './bulk-results'
import { streamedBulk, type BulkProgress } from './bulk-stream'

export type BulkTeam = { id: string; name: string; restricted: boolean }
type Kind = BulkAction['type']

const kinds: { value: Kind; adminOnly?: boolean }[] = [
  { value: 'assign' }, { value: 'status' }, { value: 'priority' }, { value: 'add_tag' }, { value: 'remove_tag' }, { value: 'close' },
  { value: 'delete', adminOnly: true },
]
const destructive = new Set<Kind>(['close', 'delete'])
const KEEP_TEAM = '__keep'

/**
 * The bar over a list with ticked rows: pick an action and its value, apply. Destructive
 * actions, and any action on more than CONFIRM_OVER tickets, are confirmed first. While it
 * runs the bar says on how many; afterwards it lists what was refused, and why.
 */
export function BulkBar({ org, count, scope, selection, canDelete, teams, onDone, onClear }: {
  org: string; count: number; scope: ReactNode; selection: BulkSelection; canDelete: boolean; teams: BulkTeam[]
  onDone: () => void; onClear: () => void
}) {
  const t = useTranslations('tickets.bulkBar')
  const tc = useTranslations('common')
  const locale = useLocale() as Locale
  const fmt = (n: number) => formatNumber(n, locale)
  const tickets = (n: number) => t('tickets', { count: n, n: fmt(n) })
  const [progress, setProgress] = useState<BulkProgress | null>(null)
  const streamText = { unreachable: t('stream.unreachable'), serverError: t('stream.serverError'), lost: t('stream.lost') }
  const streamKey = JSON.stringify(streamText)
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the texts change only with the language (streamKey)
  const action = useMemo(() => streamedBulk(org, setProgress, streamText), [org, streamKey])
  const { state, pending, run } = useServerAction(action)
  const [kind, setKind] = useState<Kind | ''>('')
  const [values, setValues] = useState({ teamId: KEEP_TEAM, reason: '', to: '', note: '', priority: '', tag: '' })
  const [person, setPerson] = useState<ComboOption | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [running, setRunning] = useState<{ label: string; count: number } | null>(null)
  const [shown, setShown] = useState<{ label: string; result: BulkResult } | null>(null)
  const confirmRef = useRef<HTMLDialogElement>(null)
  const set = (k: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }))

  const team = teams.find((tm) => tm.id === values.teamId)
  const built = (): BulkAction | null => {
    if (!kind) { setErrors({ type: t('chooseAction') }); return null }
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
  // The action in words, as lib/tickets/bulk-schemas' describeBulkAction (which stays English for the audit log).
  const labelOf = (a: BulkAction): string => {
    switch (a.type) {
      case 'assign': {
        const who = a.assigneeId ? person?.label ?? t('describe.anAgent') : t('describe.nobody')
        const teamPart = a.teamId === undefined ? '' : a.teamId === null ? t('describe.noTeam') : t('describe.team', { team: team?.name ?? t('describe.chosen') })
        return t('describe.assign', { who, team: teamPart })
      }
      case 'status': return t('describe.status', { status: tc(`status.${a.to}`) })
      case 'priority': return t('describe.priority', { priority: tc(`priority.${a.priority}`) })
      case 'add_tag': return t('describe.addTag', { tag: a.tag })
      case 'remove_tag': return t('describe.removeTag', { tag: a.tag })
      case 'close': return t('describe.close')
      case 'delete': return t('describe.delete')
    }
  }

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
        <section aria-label={t('label')} className="sticky top-2 z-10 rounded-lg bg-indigo-50 p-3 shadow-sm ring-1 ring-indigo-200">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-indigo-950">
            <p className="font-semibold" aria-live="polite">{t('selected', { tickets: tickets(count) })}</p>
            <button type="button" onClick={onClear} className="text-indigo-700 underline-offset-2 hover:underline">{t('clearSelection')}</button>
            {scope && <p className="basis-full text-indigo-900 sm:basis-auto">{scope}</p>}
          </div>
          <div className="mt-3 flex flex-wrap items-end gap-3">
            <div className="w-48">
              <Field id="bulk-type" label={t('action')} error={errors.type}>
                <Select id="bulk-type" value={kind} invalid={!!errors.type} describedBy="bulk-type-error" onChange={(e) => { setKind(e.target.value as Kind); setErrors({}) }}>
                  <option value="">{t('choose')}</option>
                  {kinds.filter((k) => !k.adminOnly || canDelete).map((k) => <option key={k.value} value={k.value}>{t(`kind.${k.value}`)}</option>)}
                </Select>
              </Field>
            </div>
            {kind === 'assign' && (
              <>
                <div className="w-48">
                  <Field id="bulk-team" label={t('team')}>
                    <Select id="bulk-team" value={values.teamId} onChange={(e) => { set('teamId')(e); setPerson(null) }}>
                      <option value={KEEP_TEAM}>{t('keepTeam')}</option>
                      <option value="">{t('noTeam')}</option>
                      {teams.map((tm) => <option key={tm.id} value={tm.id}>{tm.name}{tm.restricted ? ` ${t('restricted')}` : ''}</option>)}
                    </Select>
                  </Field>
                </div>
                <div className="w-64">
                  <Field id="bulk-assignee" label={t('assignee')} error={errors.assigneeId}>
                    <AssigneePicker org={org} id="bulk-assignee" value={person ?? { id: '', label: team ? t('unassignedQueue', { team: team.name }) : t('unassigned') }}
                      onChange={(o) => setPerson(o.id ? o : null)} narrow={{ team: team?.id }}
                      fixed={[{ id: '', label: team ? t('unassignedQueue', { team: team.name }) : t('unassigned') }]} />
                  </Field>
                </div>
                <div className="w-64">
                  <Field id="bulk-reason" label={t('reason')} error={errors.reason}>
                    <Input id="bulk-reason" value={values.reason} onChange={set('reason')} autoComplete="off" />
                  </Field>
                </div>
              </>
            )}
            {kind === 'status' && (
              <>
                <div className="w-44">
                  <Field id="bulk-status" label={t('newStatus')} error={errors.to}>
                    <Select id="bulk-status" value={values.to} onChange={set('to')} invalid={!!errors.to} describedBy="bulk-status-error">
                      <option value="">{t('choose')}</option>
                      {ticketStatuses.map((s) => <option key={s} value={s}>{tc(`status.${s}`)}</option>)}
                    </Select>
                  </Field>
                </div>
                <div className="w-72">
                  <Field id="bulk-note" label={values.to === 'resolved' ? t('resolutionNote') : values.to === 'cancelled' ? t('cancelReason') : t('noteOptional')} error={errors.note}>
                    <Input id="bulk-note" value={values.note} onChange={set('note')} autoComplete="off" />
                  </Field>
                </div>
              </>
            )}
            {kind === 'priority' && (
              <div className="w-40">
                <Field id="bulk-priority" label={t('newPriority')} error={errors.priority}>
                  <Select id="bulk-priority" value={values.priority} onChange={set('priority')} invalid={!!errors.priority} describedBy="bulk-priority-error">
                    <option value="">{t('choose')}</option>
                    {ticketPriorities.map((p) => <option key={p} value={p}>{tc(`priority.${p}`)}</option>)}
                  </Select>
                </Field>
              </div>
            )}
            {(kind === 'add_tag' || kind === 'remove_tag') && (
              <div className="w-48">
                <Field id="bulk-tag" label={t('tag')} error={errors.tag}>
                  <Input id="bulk-tag" value={values.tag} onChange={set('tag')} invalid={!!errors.tag} describedBy="bulk-tag-error" autoComplete="off" placeholder={t('tagPlaceholder')} />
                </Field>
              </div>
            )}
            <Button onClick={apply} disabled={pending} aria-busy={pending} variant={kind === 'delete' ? 'danger' : 'primary'}>
              {pending && <span aria-hidden className="h-3.5 w-3.5 animate-spin rounded-full border-2 border-current border-t-transparent" />}
              {pending ? t('applying') : t('applyTo', { tickets: tickets(count) })}
            </Button>
          </div>
          {kind === 'close' && <p className="mt-2 text-xs text-indigo-900">{t('closeHint')}</p>}
          {running && (
            <p role="status" className="mt-3 flex items-center gap-2 text-sm font-medium text-indigo-900">
              <span aria-hidden className="h-3.5 w-3.5 animate-spin rounded-full border-2 border-indigo-600 border-t-transparent" />
              {progress && progress.total > 0
                ? t('progress', { label: running.label, done: fmt(progress.done), tickets: tickets(progress.total) })
                : t('starting', { label: running.label, tickets: tickets(running.count) })} {t('sameChecks')}
            </p>
          )}
          {running && progress && progress.total > 0 && (
            <progress className="mt-2 h-2 w-full accent-indigo-600" max={progress.total} value={progress.done} aria-label={t('progressLabel', { label: running.label })} />
          )}
          {!pending && state.ok === false && <div className="mt-3"><FormMessage state={state} /></div>}
        </section>
      )}
      <Dialog ref={confirmRef} title={pendingAction ? t('confirmTitle', { label: labelOf(pendingAction), tickets: tickets(count) }) : t('confirm')}
        description={pendingAction?.type === 'delete'
          ? t('deleteBody')
          : pendingAction?.type === 'close' ? t('closeBody')
          : t('changeBody', { tickets: tickets(count) })}>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => confirmRef.current?.close()}>{t('cancel')}</Button>
          <Button variant={pendingAction?.type === 'delete' ? 'danger' : 'primary'} onClick={() => pendingAction && void send(pendingAction)}>
            {pendingAction ? t(pendingAction.type === 'delete' ? 'deleteN' : pendingAction.type === 'close' ? 'closeN' : 'applyTo', { tickets: tickets(count) }) : t('confirm')}
          </Button>
        </div>
      </Dialog>
    </div>
  )
}
