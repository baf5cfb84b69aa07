'use client'
import { useTranslations } from 'next-intl'
import { useActionForm } from '@/components/forms/use-action-form'
import { Field, Select } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { SearchLanguageInput, searchLanguages, type SearchLanguage } from '@/lib/search/schemas'
import { setSearchLanguageAction } from './actions'

export function LanguageForm({ org, language }: { org: string; language: SearchLanguage }) {
  const t = useTranslations('settings.languageForm')
  const tl = useTranslations('settings.searchLanguages')
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(SearchLanguageInput, setSearchLanguageAction, { defaultValues: { language } })
  const saved = state.ok ? (state.data as { changed: boolean; language: SearchLanguage }) : null
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t('label')}>
      <input type="hidden" name="org" value={org} />
      <Field id="search-language" label={t('language')} error={err('language')}
        hint={t('hint')}>
        <Select id="search-language" invalid={!!err('language')} describedBy="search-language-error" {...form.register('language')}>
          {searchLanguages.map((l) => <option key={l} value={l}>{tl(l)}</option>)}
        </Select>
      </Field>
      {saved ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">
          {saved.changed ? t('changed', { language: tl(saved.language) }) : t('unchanged')}
        </p>
      ) : !err('language') && <FormMessage state={state} />}
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText={t('saving')}>{t('save')}</SubmitButton>
      </div>
    </form>
  )
}
