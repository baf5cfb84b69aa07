'use client'
import { useTranslations } from 'next-intl'
import { usePathname, useRouter } from 'next/navigation'
import { useEffect, useRef, useTransition } from 'react'
import { buttonClass } from '@/components/ui/button'
import { inputClass } from '@/components/ui/field'
import { roleOptions } from './roles'

export type MemberFilterValues = { q: string; role: string; status: string }

const labelClass = 'block text-xs font-medium text-slate-600'

/**
 * A plain GET form (works without JS; the state is in the URL). With JS the list follows as
 * you type, debounced, and any change drops the page cursor: a new search starts at page one.
 */
export function MemberFilters({ values }: { values: MemberFilterValues }) {
  const t = useTranslations('settings.memberFilters')
  const tr = useTranslations('common.role')
  const router = useRouter()
  const pathname = usePathname()
  const formRef = useRef<HTMLFormElement>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const [pending, startTransition] = useTransition()
  useEffect(() => () => clearTimeout(timer.current), [])
  const apply = () => {
    clearTimeout(timer.current)
    const q = new URLSearchParams()
    for (const [k, v] of new FormData(formRef.current!)) if (typeof v === 'string' && v.trim() !== '') q.set(k, v.trim())
    startTransition(() => router.replace(q.size ? `${pathname}?${q}` : pathname, { scroll: false }))
  }
  const applySoon = () => { clearTimeout(timer.current); timer.current = setTimeout(apply, 300) }
  const active = !!(values.q || values.role || values.status)
  return (
    <form ref={formRef} method="get" role="search" aria-label={t('label')} onSubmit={(e) => { e.preventDefault(); apply() }}
      className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
      <div className="min-w-56 flex-1">
        <label htmlFor="m-q" className={labelClass}>{t('search')}</label>
        <input id="m-q" name="q" type="search" defaultValue={values.q} placeholder={t('placeholder')} autoComplete="off"
          maxLength={100} onChange={applySoon} className={`${inputClass} py-1.5`} />
      </div>
      <div>
        <label htmlFor="m-role" className={labelClass}>{t('roleFilter')}</label>
        <select id="m-role" name="role" defaultValue={values.role} onChange={apply} className={`${inputClass} py-1.5`}>
          <option value="">{t('anyRole')}</option>
          {roleOptions.map((r) => <option key={r.value} value={r.value}>{tr(r.value)}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="m-status" className={labelClass}>{t('statusFilter')}</label>
        <select id="m-status" name="status" defaultValue={values.status} onChange={apply} className={`${inputClass} py-1.5`}>
          <option value="">{t('anyStatus')}</option>
          <option value="active">{t('active')}</option>
          <option value="deactivated">{t('deactivated')}</option>
        </select>
      </div>
      <button type="submit" className={buttonClass('secondary', 'py-1.5')} disabled={pending}>{pending ? t('searching') : t('searchButton')}</button>
      {active && <a href={pathname} className="pb-2 text-sm text-slate-600 hover:text-slate-800">{t('clear')}</a>}
    </form>
  )
}
