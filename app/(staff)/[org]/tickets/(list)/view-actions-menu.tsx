'use client'
import { useRef } from 'react'
import { useTranslations } from 'next-intl'
import { useActionForm } from '@/components/forms/use-action-form'
import { useServerAction } from '@/components/forms/use-server-action'
import { Dialog } from '@/components/ui/dialog'
import { Field, Input } from '@/components/ui/field'
import { buttonClass } from '@/components/ui/button'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { RenameViewInput } from '@/lib/views/schemas'
import { deleteViewAction, renameViewAction } from './view-actions'

/** Rename and delete for the open view, when the viewer may change it; delete asks first. */
export function ViewActions({ org, view, shared }: { org: string; view: { id: string; name: string }; shared: string | null }) {
  const t = useTranslations('tickets.viewActionsMenu')
  const renameDialog = useRef<HTMLDialogElement>(null)
  const deleteDialog = useRef<HTMLDialogElement>(null)
  const rename = useActionForm(RenameViewInput, renameViewAction, {
    defaultValues: { id: view.id, name: view.name },
    onSuccess: () => renameDialog.current?.close(),
  })
  const del = useServerAction(deleteViewAction)
  const onDelete = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const res = await del.run(new FormData(e.currentTarget))
    if (res?.ok) window.location.assign(`/${org}/tickets`)
  }
  return (
    <>
      <button type="button" className={buttonClass('ghost')} onClick={() => renameDialog.current?.showModal()}>{t('rename')}</button>
      <button type="button" className={buttonClass('ghost', 'text-rose-700')} onClick={() => deleteDialog.current?.showModal()}>{t('delete')}</button>
      <Dialog ref={renameDialog} title={t('rename')}>
        <form method="post" ref={rename.formRef} onSubmit={rename.onSubmit} noValidate className="space-y-4" aria-label={t('rename')}>
          <input type="hidden" name="org" value={org} />
          <input type="hidden" name="id" value={view.id} />
          <Field id="rename-view-name" label={t('name')} error={rename.err('name')}>
            <Input id="rename-view-name" autoComplete="off" invalid={!!rename.err('name')} describedBy="rename-view-name-error" {...rename.form.register('name')} />
          </Field>
          {!rename.state.fieldErrors?.name && <FormMessage state={rename.state} />}
          <div className="flex justify-end gap-2">
            <button type="button" onClick={() => renameDialog.current?.close()} className={buttonClass('secondary')}>{t('cancel')}</button>
            <SubmitButton pending={rename.pending} pendingText={t('saving')}>{t('renameButton')}</SubmitButton>
          </div>
        </form>
      </Dialog>
      <Dialog ref={deleteDialog} title={t('deleteTitle', { name: view.name })}
        description={shared ? t('deleteShared', { shared }) : t('deleteBody')}>
        <form method="post" onSubmit={onDelete} className="flex justify-end gap-2">
          <input type="hidden" name="org" value={org} />
          <input type="hidden" name="id" value={view.id} />
          <button type="button" autoFocus onClick={() => deleteDialog.current?.close()} className={buttonClass('secondary')}>{t('keep')}</button>
          <button type="submit" disabled={del.pending} className={buttonClass('danger')}>{del.pending ? t('deleting') : t('delete')}</button>
        </form>
        {del.state.ok === false && del.state.message && <p role="alert" className="mt-2 text-sm text-rose-600">{del.state.message}</p>}
      </Dialog>
    </>
  )
}
