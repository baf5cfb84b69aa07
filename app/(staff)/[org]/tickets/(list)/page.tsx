import type { Metadata } from 'next'
import { Suspense } from 'react'
import { LiveRefresh } from '@/components/live/live-refresh'
import { notFound } from 'next/navigation'
import { pageCtx } from '@/lib/pages/guard'
import { getView, type View } from '@/lib/views'
import { NotFoundError } from '@/lib/errors'
import { ListSkeleton } from './list-skeleton'
import { TicketList } from './ticket-list'

export const metadata: Metadata = { title: 'Tickets' }

/**
 * The open view (`?view=`), or null. A missing, hidden or other org's view is a 404, like a
 * hidden ticket: resolved here, before the Suspense boundary below, so the status is sent
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
      {/* Keyed by the URL state: a new filter shows the skeleton again instead of the old rows. */}
      <Suspense key={new URLSearchParams(raw as Record<string, string>).toString()} fallback={<ListSkeleton />}>
        <TicketList ctx={ctx} org={org} raw={raw} view={view} />
      </Suspense>
    </>
  )
}
