import { teamOr404 } from './team-or-404'

// The team is looked up here, outside the page's loading boundary, so an unknown team or one
// of another organisation gets a real HTTP 404 before anything is streamed (as tickets do).
export default async function TeamLayout({ params, children }: { params: Promise<{ org: string; teamId: string }>; children: React.ReactNode }) {
  const { org, teamId } = await params
  await teamOr404(org, teamId)
  return children
}
