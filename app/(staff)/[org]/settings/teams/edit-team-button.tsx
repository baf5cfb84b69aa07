'use client'
import { useRef, useState } from 'react'
import { useTranslations } from 'next-intl'
import { buttonClass } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { TeamForm, type TeamValues } from './team-form'

export function EditTeamButton({ org, team }: { org: string; team: TeamValues }) {
  const t = useTranslations('settings.editTeamButton')
  const dialog = useRef<HTMLDialogElement>(null)
  // A fresh form each time it opens, starting from the saved values.
  const [opened, setOpened] = useState(0)
  return (
    <>
      <button type="button" aria-haspopup="dialog" className={buttonClass('secondary', 'px-2.5 py-1 text-xs')}
        onClick={() => { setOpened((n) => n + 1); dialog.current?.showModal() }}>
        {t('edit')}<span className="sr-only"> {team.name}</span>
      </button>
      <Dialog ref={dialog} title={t('title', { name: team.name })}>
        {opened > 0 && <TeamForm key={opened} org={org} team={team} onDone={() => dialog.current?.close()} />}
        <div className="-mt-2 flex justify-start">
          <button type="button" className="text-sm text-slate-600 hover:text-slate-800" onClick={() => dialog.current?.close()}>{t('cancel')}</button>
        </div>
      </Dialog>
    </>
  )
}
