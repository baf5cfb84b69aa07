import { NextResponse, type NextRequest } from 'next/server'
import { getCtx } from '@/lib/auth/ctx'
import { jsonRoute } from '@/lib/http/json-route'
import { listOrgTags } from '@/lib/tickets'

export const dynamic = 'force-dynamic'

/** The tag input's type-ahead: `?q=` (a prefix), staff only, the org's tags the caller may see, most used first. */
export async function GET(req: NextRequest, { params }: { params: Promise<{ org: string }> }) {
  return jsonRoute(async () => {
    const { org } = await params
    const tags = await listOrgTags(await getCtx(org), { prefix: req.nextUrl.searchParams.get('q') ?? '', limit: 8 })
    return NextResponse.json({ tags }, { headers: { 'cache-control': 'private, no-store' } })
  })
}
