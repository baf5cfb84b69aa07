'use client'
import { useRef, useState } from 'react'
import { useTranslations } from 'next-intl'
import { buttonClass } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import type { Calendar } from '@/lib/sla/calendar'
import { PolicyForm, type PolicyValues } from './policy-form'

/** Edit in a modal: the table stays readable and the form gets room for its field errors. */
export function EditPolicyButton({ org, name, categories, policy, weekly, timeZone }: {
  org: string; name: string; categories: { id: string; name: string }[]; policy: PolicyValues; weekly: Calendar['weekly']; timeZone: string
}) {
  const t = useTranslations('settings.editPolicyButton')
  const dialog = useRef<HTMLDialogElement>(null)
  // A fresh form each time it opens, starting from the saved values.
  const [opened, setOpened] = useState(0)
  return (
    <>
      <button type="button" aria-label={t('title', { name })} className={buttonClass('ghost', 'px-2 py-1.5 text-indigo-700')}
        onClick={() => { setOpened((n) => n + 1); dialog.current?.showModal() }}>{t('edit')}</button>
      <Dialog ref={dialog} title={t('title', { name })}>
        {opened > 0 && <PolicyForm key={opened} org={org} categories={categories} policy={policy} weekly={weekly} timeZone={timeZone} onDone={() => dialog.current?.close()} />}
        <div className="-mt-2 flex justify-start">
          <button type="button" className="text-sm text-slate-600 hover:text-slate-800" onClick={() => dialog.current?.close()}>{t('cancel')}</button>
        </div>
      </Dialog>
    </>
  )
}
