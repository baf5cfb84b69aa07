import { NextResponse, type NextRequest } from 'next/server'
import { getCtx } from '@/lib/auth/ctx'
import { jsonRoute } from '@/lib/http/json-route'
import { searchCallers } from '@/lib/members'

export const dynamic = 'force-dynamic'

/** The new-ticket requester picker's type-ahead: `?q=`, staff who create on behalf only, this org's active members. */
export async function GET(req: NextRequest, { params }: { params: Promise<{ org: string }> }) {
  return jsonRoute(async () => {
    const { org } = await params
    const people = await searchCallers(await getCtx(org), Object.fromEntries(req.nextUrl.searchParams))
    return NextResponse.json({ people }, { headers: { 'cache-control': 'private, no-store' } })
  })
}
