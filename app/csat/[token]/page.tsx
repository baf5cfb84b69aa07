import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { SurveyForm } from '@/components/csat/survey-form'
import { surveyByToken } from '@/lib/csat'
import { DomainError } from '@/lib/errors'
import { answerSurveyAction } from './actions'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('portal.csatPage'))('title'), robots: { index: false } }
}

/** The survey link from the resolution email: no sign-in; it shows the org and request number only. */
export default async function SurveyPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ rating?: string }> }) {
  const { token } = await params
  const { rating } = await searchParams
  const t = await getTranslations('portal.csatPage')
  const survey = await surveyByToken(decodeURIComponent(token)).catch((err: unknown) => {
    if (err instanceof DomainError && err.code === 'not_found') return null
    throw err
  })
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-lg px-4 py-16">
      <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        {!survey ? (
          <><h1 className="text-lg font-semibold text-slate-900">{t('invalidTitle')}</h1><p className="mt-2 text-sm text-slate-600">{t('invalidBody')}</p></>
        ) : (
          <>
            <p className="text-sm text-slate-600">{survey.orgName}</p>
            <h1 className="mb-4 text-lg font-semibold text-slate-900">{t('heading', { number: survey.number })}</h1>
            {survey.answeredAt ? (
              <p role="status" className="text-sm text-slate-700">{t('answered', { rating: survey.rating === 'good' ? t('good') : t('bad') })}</p>
            ) : (
              <SurveyForm action={answerSurveyAction} hidden={{ token: decodeURIComponent(token) }} initial={rating === 'good' || rating === 'bad' ? rating : undefined} />
            )}
          </>
        )}
      </div>
    </main>
  )
}
