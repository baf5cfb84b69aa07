'use client'
import { useTranslations } from 'next-intl'
import { useActionForm } from '@/components/forms/use-action-form'
import { Field, Input } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { CreateCategoryInput, UpdateCategoryInput } from '@/lib/categories/schemas'
import { createCategoryAction, updateCategoryAction } from './actions'

export type CategoryValues = { id: string; name: string; sensitive: boolean }

/** Add a category (no `category`) or rename one and set its sensitive flag. */
export function CategoryForm({ org, category, onDone }: { org: string; category?: CategoryValues; onDone?: () => void }) {
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(category ? UpdateCategoryInput : CreateCategoryInput,
    category ? updateCategoryAction : createCategoryAction, {
      defaultValues: { categoryId: category?.id, name: category?.name ?? '', sensitive: category?.sensitive ?? false },
      resetOnSuccess: !category,
      onSuccess: onDone,
    })
  const t = useTranslations('settings.categoryForm')
  const id = (f: string) => `category-${category?.id ?? 'new'}-${f}`
  const created = (state.data as { name?: string } | undefined)?.name
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={category ? t('editLabel', { name: category.name }) : t('addLabel')}>
      <input type="hidden" name="org" value={org} />
      {category && <input type="hidden" name="categoryId" value={category.id} />}
      <Field id={id('name')} label={t('name')} error={err('name')}>
        <Input id={id('name')} autoComplete="off" invalid={!!err('name')} describedBy={`${id('name')}-error`} {...form.register('name')} />
      </Field>
      <div className="flex items-start gap-2">
        <input id={id('sensitive')} type="checkbox" className="mt-0.5 h-4 w-4 rounded border-slate-300" aria-describedby={`${id('sensitive')}-hint`} {...form.register('sensitive')} />
        <div>
          <label htmlFor={id('sensitive')} className="text-sm font-medium text-slate-700">{t('sensitive')}</label>
          <p id={`${id('sensitive')}-hint`} className="text-xs text-slate-600">
            {t('sensitiveHint')}
          </p>
        </div>
      </div>
      {!err('name') && <FormMessage state={state} success={category ? undefined : created ? t('added', { name: created }) : undefined} />}
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText={t('saving')}>{category ? t('save') : t('add')}</SubmitButton>
      </div>
    </form>
  )
}
