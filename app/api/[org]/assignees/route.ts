import { NextResponse, type NextRequest } from 'next/server'
import { getCtx } from '@/lib/auth/ctx'
import { jsonRoute } from '@/lib/http/json-route'
import { searchAssignees } from '@/lib/tickets'

export const dynamic = 'force-dynamic'

/** The assignee picker's type-ahead: `?q=&team=&ticket=&id=`, staff only, at most 50 people. */
export async function GET(req: NextRequest, { params }: { params: Promise<{ org: string }> }) {
  return jsonRoute(async () => {
    const { org } = await params
    const people = await searchAssignees(await getCtx(org), Object.fromEntries(req.nextUrl.searchParams))
    return NextResponse.json({ people }, { headers: { 'cache-control': 'private, no-store' } })
  })
}
