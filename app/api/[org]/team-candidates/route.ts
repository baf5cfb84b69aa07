import { NextResponse, type NextRequest } from 'next/server'
import { getCtx } from '@/lib/auth/ctx'
import { jsonRoute } from '@/lib/http/json-route'
import { searchTeamCandidates } from '@/lib/teams'

export const dynamic = 'force-dynamic'

/** The teams page's "add member" type-ahead: `?team=&q=`, admins only, at most 20 people. */
export async function GET(req: NextRequest, { params }: { params: Promise<{ org: string }> }) {
  return jsonRoute(async () => {
    const { org } = await params
    const people = await searchTeamCandidates(await getCtx(org), Object.fromEntries(req.nextUrl.searchParams))
    return NextResponse.json({ people }, { headers: { 'cache-control': 'private, no-store' } })
  })
}
