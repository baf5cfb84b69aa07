'use client'
import { useRef, useState, type ComponentProps } from 'react'
import { useTranslations } from 'next-intl'
import { buttonClass } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { RuleForm } from './rule-form'

export function EditRuleButton(props: Omit<ComponentProps<typeof RuleForm>, 'onDone'> & { rule: NonNullable<ComponentProps<typeof RuleForm>['rule']> }) {
  const t = useTranslations('settings.editRuleButton')
  const dialog = useRef<HTMLDialogElement>(null)
  const [opened, setOpened] = useState(0)
  return (
    <>
      <button type="button" aria-haspopup="dialog" className={buttonClass('ghost', 'px-2 py-1 text-xs text-indigo-700')}
        onClick={() => { setOpened((n) => n + 1); dialog.current?.showModal() }}>
        {t('edit')}<span className="sr-only"> {t('editWho', { name: props.rule.name })}</span>
      </button>
      <Dialog ref={dialog} title={t('title', { name: props.rule.name })}>
        {opened > 0 && <RuleForm key={opened} {...props} onDone={() => dialog.current?.close()} />}
        <div className="-mt-2 flex justify-start">
          <button type="button" className="text-sm text-slate-600 hover:text-slate-800" onClick={() => dialog.current?.close()}>{t('cancel')}</button>
        </div>
      </Dialog>
    </>
  )
}
