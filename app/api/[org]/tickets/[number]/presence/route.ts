import { NextResponse, type NextRequest } from 'next/server'
import { getCtx } from '@/lib/auth/ctx'
import { jsonRoute } from '@/lib/http/json-route'
import { leavePresence, listPresence, touchPresence } from '@/lib/presence'

export const dynamic = 'force-dynamic'

type Params = { params: Promise<{ org: string; number: string }> }
const noStore = { 'cache-control': 'private, no-store' }

/** Who else has this ticket open (staff only; a hidden ticket is a 404). */
export async function GET(_req: NextRequest, { params }: Params) {
  return jsonRoute(async () => {
    const { org, number } = await params
    const people = await listPresence(await getCtx(org), Number(number))
    return NextResponse.json({ people }, { headers: noStore })
  })
}

/** The open page's heartbeat: `{ typing }`. */
export async function POST(req: NextRequest, { params }: Params) {
  return jsonRoute(async () => {
    const { org, number } = await params
    const body = (await req.json().catch(() => ({}))) as { typing?: unknown }
    await touchPresence(await getCtx(org), { number: Number(number), typing: body.typing === true })
    return new NextResponse(null, { status: 204, headers: noStore })
  })
}

/** The page was closed (sent with keepalive as the tab goes). */
export async function DELETE(_req: NextRequest, { params }: Params) {
  return jsonRoute(async () => {
    const { org, number } = await params
    await leavePresence(await getCtx(org), { number: Number(number) })
    return new NextResponse(null, { status: 204, headers: noStore })
  })
}
