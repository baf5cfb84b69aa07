import type { Metadata } from 'next'
import { ActionForm } from '@/components/ui/action-form'
import { Badge } from '@/components/ui/badge'
import { Card, EmptyState, PageHeader } from '@/components/ui/card'
import { listCategorySettings } from '@/lib/categories'
import { adminPageCtx } from '../admin-ctx'
import { deleteCategoryAction, moveCategoryAction, setCategoryActiveAction } from './actions'
import { CategoryForm } from './category-form'
import { EditCategoryButton } from './edit-category-button'

export const metadata: Metadata = { title: 'Categories' }

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`
const small = 'px-2 py-1 text-xs'

export default async function CategoriesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await adminPageCtx(org)
  const rows = await listCategorySettings(ctx)
  const active = rows.filter((c) => c.active).length
  return (
    <>
      <PageHeader title="Categories" subtitle={`${plural(rows.length, 'category', 'categories')} · ${active} offered when filing a ticket, in this order`} />
      <div className="space-y-6">
        <Card title="Add category">
          <CategoryForm org={org} />
        </Card>
        {rows.length === 0 ? (
          <EmptyState title="No categories yet">Add one so requesters can say what their ticket is about; routing rules and SLA policies can then use it.</EmptyState>
        ) : (
          <ol aria-label="Categories" className="divide-y divide-slate-100 rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
            {rows.map((c) => {
              const uses = [c.usage.tickets && plural(c.usage.tickets, 'ticket'), c.usage.rules && plural(c.usage.rules, 'routing rule'),
                c.usage.policies && plural(c.usage.policies, 'SLA policy', 'SLA policies')].filter(Boolean).join(' · ')
              const inUse = !!uses
              return (
                <li key={c.id} aria-label={c.name} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                  <div className="min-w-0">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className={`text-sm font-medium ${c.active ? 'text-slate-900' : 'text-slate-600'}`}>{c.name}</span>
                      {c.sensitive && <Badge tone="violet">Sensitive</Badge>}
                      {!c.active && <Badge>Inactive</Badge>}
                    </div>
                    <p className="text-xs text-slate-600">{inUse ? `Used by ${uses}` : 'Not used yet'}</p>
                  </div>
                  <div className="flex flex-wrap items-center gap-2">
                    <ActionForm action={moveCategoryAction} fields={{ org, categoryId: c.id, direction: 'up' }} variant="ghost" className={small}
                      label={<><span aria-hidden>↑</span><span className="sr-only">Move {c.name} up</span></>} pendingLabel="…" />
                    <ActionForm action={moveCategoryAction} fields={{ org, categoryId: c.id, direction: 'down' }} variant="ghost" className={small}
                      label={<><span aria-hidden>↓</span><span className="sr-only">Move {c.name} down</span></>} pendingLabel="…" />
                    <EditCategoryButton org={org} category={{ id: c.id, name: c.name, sensitive: c.sensitive }} />
                    <ActionForm action={setCategoryActiveAction} fields={{ org, categoryId: c.id, active: c.active ? 'false' : 'true' }} className={small}
                      label={<>{c.active ? 'Deactivate' : 'Activate'}<span className="sr-only"> {c.name}</span></>} pendingLabel="Saving…" />
                    {inUse ? (
                      <span className="text-xs text-slate-600" title="A category in use can be deactivated, not deleted">In use</span>
                    ) : (
                      <ActionForm action={deleteCategoryAction} fields={{ org, categoryId: c.id }} className={small} pendingLabel="Deleting…"
                        label={<>Delete<span className="sr-only"> {c.name}</span></>}
                        confirm={{ title: `Delete the category ${c.name}?`, confirmLabel: 'Delete category', body: 'Nothing uses it yet. This cannot be undone.' }} />
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
