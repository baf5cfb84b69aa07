'use client'
import { useRef, useState } from 'react'
import { useTranslations } from 'next-intl'
import { buttonClass } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { CategoryForm, type CategoryValues } from './category-form'

export function EditCategoryButton({ org, category }: { org: string; category: CategoryValues }) {
  const t = useTranslations('settings.editCategoryButton')
  const dialog = useRef<HTMLDialogElement>(null)
  // A fresh form each time it opens, starting from the saved values.
  const [opened, setOpened] = useState(0)
  return (
    <>
      <button type="button" aria-haspopup="dialog" className={buttonClass('secondary', 'px-2.5 py-1 text-xs')}
        onClick={() => { setOpened((n) => n + 1); dialog.current?.showModal() }}>
        {t('edit')}<span className="sr-only"> {category.name}</span>
      </button>
      <Dialog ref={dialog} title={t('title', { name: category.name })}>
        {opened > 0 && <CategoryForm key={opened} org={org} category={category} onDone={() => dialog.current?.close()} />}
        <div className="-mt-2 flex justify-start">
          <button type="button" className="text-sm text-slate-600 hover:text-slate-800" onClick={() => dialog.current?.close()}>{t('cancel')}</button>
        </div>
      </Dialog>
    </>
  )
}
