import { useTranslations } from 'next-intl'

// A plain link: the not-found page has no params, and "tickets" relative to /<org>/tickets is the list.

/** The list's only 404: a `?view=` that is missing, deleted or not shared with this person. */
export default function ViewNotFound() {
  const t = useTranslations('tickets.notFound')
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-indigo-600">{'404'}</p>
      <h1 className="mt-2 text-2xl font-semibold">{t('title')}</h1>
      <p className="mt-3 text-slate-600">{t('body')}</p>
      <a href="tickets" className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:underline">{t('showAll')}</a>
    </div>
  )
}
