'use client'
import { useTranslations } from 'next-intl'
import { useEffect, useRef, useState } from 'react'
import { useServerAction } from '@/components/forms/use-server-action'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { setActiveAction } from './actions'

/** Deactivate / reactivate behind a confirmation, since deactivating ends someone's access at once. */
export function MemberActiveToggle({ org, orgName, userId, name, active, isSelf }: {
  org: string; orgName: string; userId: string; name: string; active: boolean; isSelf: boolean
}) {
  const { state, pending, onSubmit } = useServerAction(setActiveAction)
  const dialog = useRef<HTMLDialogElement>(null)
  // Only show outcomes of submissions made since the dialog was last opened.
  const [openedAt, setOpenedAt] = useState(0)
  const fresh = (state.at ?? 0) > openedAt

  useEffect(() => {
    if (state.ok && (state.at ?? 0) > openedAt) dialog.current?.close()
  }, [state, openedAt])

  const t = useTranslations('settings.memberActiveToggle')
  const verb = active ? t('deactivate') : t('reactivate')
  const lastAdmin = !!state.fieldErrors?.role?.[0]?.includes('at least one active admin')
  return (
    <>
      <Button variant={active ? 'secondary' : 'ghost'} aria-haspopup="dialog"
        onClick={() => { setOpenedAt(Date.now()); dialog.current?.showModal() }}>
        {verb}<span className="sr-only"> {name}</span>
      </Button>
      <Dialog ref={dialog} title={active ? t('titleDeactivate', { name }) : t('titleReactivate', { name })} description={active
        ? <>
            {isSelf ? <strong className="font-semibold text-slate-900">{t('selfLosesAccess', { org: orgName })} </strong> : <>{t('losesAccess', { name, org: orgName })} </>}
            {t('historyStays')}
          </>
        : <>{t('canSignInAgain', { name, org: orgName })}</>}>
        <form method="post" onSubmit={onSubmit} className="space-y-4">
          <input type="hidden" name="org" value={org} />
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="active" value={active ? 'false' : 'true'} />
          {fresh && state.ok === false && (
            <FormMessage state={lastAdmin ? { ...state, message: t('lastAdmin', { message: state.message ?? '' }) } : state} />
          )}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" autoFocus onClick={() => dialog.current?.close()}>{t('cancel')}</Button>
            <SubmitButton pending={pending} pendingText={active ? t('deactivating') : t('reactivating')} variant={active ? 'danger' : 'primary'}>{verb}</SubmitButton>
          </div>
        </form>
      </Dialog>
    </>
  )
}
