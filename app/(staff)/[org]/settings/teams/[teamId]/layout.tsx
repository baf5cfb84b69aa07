import { getTeam } from '@/lib/teams'
import { orNotFound } from '@/lib/pages/guard'
import { adminPageCtx } from '../../admin-ctx'

// The team is looked up here, outside the page's loading boundary, so an unknown team or one
// of another organisation gets a real HTTP 404 before anything is streamed (as tickets do).
export default async function TeamLayout({ params, children }: { params: Promise<{ org: string; teamId: string }>; children: React.ReactNode }) {
  const { org, teamId } = await params
  await orNotFound(getTeam(await adminPageCtx(org), teamId))
  return children
}
