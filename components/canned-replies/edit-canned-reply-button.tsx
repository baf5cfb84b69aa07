'use client'
import { useRef, useState } from 'react'
import { useTranslations } from 'next-intl'
import type { ServerAction } from '@/components/forms/use-server-action'
import { buttonClass } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { CannedReplyForm, type CannedReplyValues } from './canned-reply-form'

export function EditCannedReplyButton({ org, reply, action }: { org: string; reply: CannedReplyValues; action: ServerAction }) {
  const t = useTranslations('tickets.editCannedReplyButton')
  const dialog = useRef<HTMLDialogElement>(null)
  const [opened, setOpened] = useState(0)
  return (
    <>
      <button type="button" aria-haspopup="dialog" className={buttonClass('secondary', 'px-2.5 py-1 text-xs')}
        onClick={() => { setOpened((n) => n + 1); dialog.current?.showModal() }}>
        {t('edit')}<span className="sr-only"> {reply.title}</span>
      </button>
      <Dialog ref={dialog} title={t('title', { title: reply.title })}>
        {opened > 0 && <CannedReplyForm key={opened} org={org} reply={reply} canShare={false} action={action} onDone={() => dialog.current?.close()} />}
        <div className="-mt-2 flex justify-start">
          <button type="button" className="text-sm text-slate-600 hover:text-slate-800" onClick={() => dialog.current?.close()}>{t('cancel')}</button>
        </div>
      </Dialog>
    </>
  )
}
