import { getTranslations } from 'next-intl/server'
import { Card, PageHeader } from '@/components/ui/card'
import { getSearchSettings } from '@/lib/search'
import { adminPageCtx } from '../admin-ctx'
import { LanguageForm } from './language-form'

export async function generateMetadata() {
  const t = await getTranslations('settings.searchPage')
  return { title: t('title') }
}

export default async function SearchSettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await adminPageCtx(org)
  const settings = await getSearchSettings(ctx)
  const t = await getTranslations('settings.searchPage')
  const tl = await getTranslations('settings.searchLanguages')
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="space-y-6">
        {settings.reindexing && (
          <p role="status" className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">
            {t('reindexing', { language: tl(settings.language) })}
          </p>
        )}
        <Card title={t('language')}>
          <LanguageForm org={org} language={settings.language} />
        </Card>
      </div>
    </>
  )
}
