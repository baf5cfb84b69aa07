'use client'
import { useActionForm } from '@/components/forms/use-action-form'
import { Field, Select } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { SearchLanguageInput, searchLanguageLabels, searchLanguages, type SearchLanguage } from '@/lib/search/schemas'
import { setSearchLanguageAction } from './actions'

export function LanguageForm({ org, language }: { org: string; language: SearchLanguage }) {
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(SearchLanguageInput, setSearchLanguageAction, { defaultValues: { language } })
  const saved = state.ok ? (state.data as { changed: boolean; language: SearchLanguage }) : null
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Search language">
      <input type="hidden" name="org" value={org} />
      <Field id="search-language" label="Language of your tickets" error={err('language')}
        hint="With a language, a search also finds other forms of a word (“flickering” finds “flickers”); exact words always match.">
        <Select id="search-language" invalid={!!err('language')} describedBy="search-language-error" {...form.register('language')}>
          {searchLanguages.map((l) => <option key={l} value={l}>{searchLanguageLabels[l]}</option>)}
        </Select>
      </Field>
      {saved ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">
          {saved.changed ? `Search language set to ${searchLanguageLabels[saved.language]}. Existing tickets are being re-indexed in the background.` : 'That is already the search language.'}
        </p>
      ) : !err('language') && <FormMessage state={state} />}
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText="Saving…">Save language</SubmitButton>
      </div>
    </form>
  )
}
