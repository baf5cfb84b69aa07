import type { Metadata } from 'next'
import { Card, PageHeader } from '@/components/ui/card'
import { getSearchSettings } from '@/lib/search'
import { searchLanguageLabels } from '@/lib/search/schemas'
import { adminPageCtx } from '../admin-ctx'
import { LanguageForm } from './language-form'

export const metadata: Metadata = { title: 'Search' }

export default async function SearchSettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await adminPageCtx(org)
  const settings = await getSearchSettings(ctx)
  return (
    <>
      <PageHeader title="Search" subtitle="How the workspace and the portal search your tickets, their descriptions and conversations." />
      <div className="space-y-6">
        {settings.reindexing && (
          <p role="status" className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">
            Re-indexing existing tickets in {searchLanguageLabels[settings.language]}. Searches keep finding them meanwhile; this page shows when it is done.
          </p>
        )}
        <Card title="Language">
          <LanguageForm org={org} language={settings.language} />
        </Card>
      </div>
    </>
  )
}
