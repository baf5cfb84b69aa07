import { visibleTicketOr404 } from '@/lib/pages/guard'

// The visibility check runs here, outside the page's loading boundary, so a missing or
// hidden ticket gets a real 404 status before anything is streamed (§6, issue 12).
export default async function TicketLayout({ params, children }: { params: Promise<{ org: string; number: string }>; children: React.ReactNode }) {
  const { org, number } = await params
  await visibleTicketOr404(org, number)
  return children
}
