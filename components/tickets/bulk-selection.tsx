'use client'
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import { useLocale, useTranslations } from 'next-intl'
import { formatNumber } from '@/lib/format/time'
import type { Locale } from '@/lib/i18n/config'
import { BULK_CAP } from '@/lib/tickets/bulk-schemas'
import { BulkSelectionContext, type BulkSelectionState } from './bulk-context'
import { BulkBar, type BulkTeam } from './bulk-bar'

/**
 * Selection for bulk actions over the ticket list it wraps: ticked rows of this page, or
 * "all N matching" — the list's filters, which the server resolves again (it never acts on
 * more than BULK_CAP tickets, and says so instead of cutting the selection short).
 */
export function BulkSelection({ org, pageIds, total, query, canDelete, teams, enabled = true, children }: {
  org: string
  pageIds: string[]
  /** From countTickets: past its cap it is cap + 1 ("1,000+"). */
  total: number
  /** The list's filters and search, without its cursor. */
  query: Record<string, string>
  canDelete: boolean
  teams: BulkTeam[]
  enabled?: boolean
  children: ReactNode
}) {
  const t = useTranslations('tickets.bulkSelection')
  const locale = useLocale() as Locale
  const fmt = (n: number) => formatNumber(n, locale)
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [matching, setMatching] = useState(false)
  const pageKey = pageIds.join(',')
  // Another page, or rows gone after an action: keep only what is still in view.
  useEffect(() => {
    const here = new Set(pageKey.split(','))
    setSelected((s) => new Set([...s].filter((id) => here.has(id))))
    setMatching(false)
  }, [pageKey])

  const onPage = pageIds.filter((id) => selected.has(id)).length
  const page: BulkSelectionState['page'] = matching || (onPage === pageIds.length && onPage > 0) ? 'all' : onPage > 0 ? 'some' : 'none'
  const toggle = useCallback((id: string) => {
    setMatching(false)
    setSelected((s) => {
      const next = new Set(s)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  }, [])
  const togglePage = useCallback(() => {
    setMatching(false)
    setSelected(page === 'all' ? new Set() : new Set(pageIds))
  }, [page, pageIds])
  const clear = useCallback(() => { setMatching(false); setSelected(new Set()) }, [])
  const state = useMemo<BulkSelectionState>(() => ({ isSelected: (id) => matching || selected.has(id), toggle, togglePage, page }), [matching, selected, toggle, togglePage, page])

  if (!enabled) return <>{children}</>
  const count = matching ? total : selected.size
  const overCap = total > BULK_CAP
  const more = page === 'all' && total > pageIds.length
  const scope = !more ? null : matching ? (
    <>{t('allMatchingSelected', { total: fmt(total) })} <button type="button" className="font-medium text-indigo-700 underline-offset-2 hover:underline" onClick={() => setMatching(false)}>{t('selectPageOnly')}</button></>
  ) : overCap ? (
    <>{t('pageSelected', { count: pageIds.length })} {t('overCap', { cap: fmt(BULK_CAP) })}</>
  ) : (
    <>{t('pageSelected', { count: pageIds.length })} <button type="button" className="font-medium text-indigo-700 underline-offset-2 hover:underline" onClick={() => setMatching(true)}>{t('selectAllMatching', { total: fmt(total) })}</button></>
  )
  return (
    <BulkSelectionContext.Provider value={state}>
      <BulkBar org={org} count={count} scope={scope} canDelete={canDelete} teams={teams} onDone={clear} onClear={clear}
        selection={matching ? { by: 'query', query } : { by: 'ids', ids: [...selected] }} />
      {children}
    </BulkSelectionContext.Provider>
  )
}
