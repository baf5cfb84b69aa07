import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { LiveRefresh } from '@/components/live/live-refresh'
import { notFound } from 'next/navigation'
import { pageCtx } from '@/lib/pages/guard'
import { getView, type View } from '@/lib/views'
import { NotFoundError } from '@/lib/errors'
import { TicketList } from './ticket-list'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('tickets.listPage')
  return { title: t('title') }
}

/**
 * The open view (`?view=`), or null. A missing, hidden or other org's view is a 404, like a
 * hidden ticket: resolved here, before the list renders, so the status is sent
 * before anything streams (a `loading.tsx` would have sent 200 first).
 */
async function openView(ctx: Awaited<ReturnType<typeof pageCtx>>, id: string | undefined): Promise<View | null> {
  if (!id) return null
  try {
    return await getView(ctx, id)
  } catch (err) {
    if (err instanceof NotFoundError) notFound()
    throw err
  }
}

export default async function TicketsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { org } = await params
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]))
  const ctx = await pageCtx(org)
  const view = await openView(ctx, raw.view)
  return (
    <>
      <LiveRefresh org={org} />
      {/* No Suspense boundary around the list: a router.refresh() of a page whose list streams
          in behind one intermittently never commits in production builds (vercel/next.js#86151,
          #83386 — seen here on live updates), and the filters are full page loads anyway. */}
      <TicketList ctx={ctx} org={org} raw={raw} view={view} />
    </>
  )
}
