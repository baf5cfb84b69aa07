import { getTranslations } from 'next-intl/server'
import { ActionForm } from '@/components/ui/action-form'
import { Badge } from '@/components/ui/badge'
import { Card, EmptyState, PageHeader } from '@/components/ui/card'
import { listCategorySettings } from '@/lib/categories'
import { adminPageCtx } from '../admin-ctx'
import { deleteCategoryAction, moveCategoryAction, setCategoryActiveAction } from './actions'
import { CategoryForm } from './category-form'
import { EditCategoryButton } from './edit-category-button'

export async function generateMetadata() {
  const t = await getTranslations('settings.categoriesPage')
  return { title: t('title') }
}
const small = 'px-2 py-1 text-xs'

export default async function CategoriesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await adminPageCtx(org)
  const rows = await listCategorySettings(ctx)
  const t = await getTranslations('settings.categoriesPage')
  const active = rows.filter((c) => c.active).length
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle', { count: rows.length, active })} />
      <div className="space-y-6">
        <Card title={t('add')}>
          <CategoryForm org={org} />
        </Card>
        {rows.length === 0 ? (
          <EmptyState title={t('emptyTitle')}>{t('empty')}</EmptyState>
        ) : (
          <ol aria-label={t('listLabel')} className="divide-y divide-slate-100 rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
            {rows.map((c) => {
              const uses = [c.usage.tickets && t('tickets', { count: c.usage.tickets }), c.usage.rules && t('rules', { count: c.usage.rules }),
                c.usage.policies && t('policies', { count: c.usage.policies })].filter(Boolean).join(' · ')
              const inUse = !!uses
              return (
                <li key={c.id} aria-label={c.name} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                  <div className="min-w-0">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className={`text-sm font-medium ${c.active ? 'text-slate-900' : 'text-slate-600'}`}>{c.name}</span>
                      {c.sensitive && <Badge tone="violet">{t('sensitive')}</Badge>}
                      {!c.active && <Badge>{t('inactive')}</Badge>}
                    </div>
                    <p className="text-xs text-slate-600">{inUse ? t('usedBy', { uses }) : t('notUsed')}</p>
                  </div>
                  <div className="flex flex-wrap items-center gap-2">
                    <ActionForm action={moveCategoryAction} fields={{ org, categoryId: c.id, direction: 'up' }} variant="ghost" className={small}
                      label={<><span aria-hidden>{'↑'}</span><span className="sr-only">{t('moveUp', { name: c.name })}</span></>} pendingLabel="…" />
                    <ActionForm action={moveCategoryAction} fields={{ org, categoryId: c.id, direction: 'down' }} variant="ghost" className={small}
                      label={<><span aria-hidden>{'↓'}</span><span className="sr-only">{t('moveDown', { name: c.name })}</span></>} pendingLabel="…" />
                    <EditCategoryButton org={org} category={{ id: c.id, name: c.name, sensitive: c.sensitive }} />
                    <ActionForm action={setCategoryActiveAction} fields={{ org, categoryId: c.id, active: c.active ? 'false' : 'true' }} className={small}
                      label={<>{c.active ? t('deactivate') : t('activate')}<span className="sr-only"> {c.name}</span></>} pendingLabel={t('saving')} />
                    {inUse ? (
                      <span className="text-xs text-slate-600" title={t('inUseTitle')}>{t('inUse')}</span>
                    ) : (
                      <ActionForm action={deleteCategoryAction} fields={{ org, categoryId: c.id }} className={small} pendingLabel={t('deleting')}
                        label={<>{t('delete')}<span className="sr-only"> {c.name}</span></>}
                        confirm={{ title: t('confirmTitle', { name: c.name }), confirmLabel: t('confirmLabel'), body: t('confirmBody') }} />
                    )}
                  </div>
                </li>
              )
            })}
          </ol>
        )}
      </div>
    </>
  )
}
