import { NextResponse, type NextRequest } from 'next/server'
import { getCtx } from '@/lib/auth/ctx'
import { downloadLink } from '@/lib/attachments'
import { discardUpload } from '@/lib/attachments'
import { jsonRoute, sameOrigin } from '@/lib/attachments/http'
import { UnauthorizedError } from '@/lib/errors'
import { appOrigin } from '@/lib/http/app-origin'

export const dynamic = 'force-dynamic'

type Params = { params: Promise<{ org: string; id: string }> }
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Every download starts here (§8): the ticket's and the comment's visibility are checked
 * for the signed-in person, then they are sent to a link that expires within minutes
 * (local disk: the app's own HMAC-signed URL; uploadthing: its signed URL).
 * `?variant=thumb` for the thumbnail, `?download=1` to save an image instead of showing it.
 */
export async function GET(req: NextRequest, { params }: Params) {
  const { org, id } = await params
  try {
    if (!UUID.test(id)) return notFound()
    const ctx = await getCtx(org)
    const variant = req.nextUrl.searchParams.get('variant') === 'thumb' ? 'thumb' : 'original'
    const target = await downloadLink(ctx, id, { variant, download: req.nextUrl.searchParams.get('download') === '1' })
    const res = NextResponse.redirect(new URL(target, appOrigin()), 302)
    // The redirect embeds a capability: never cache it, never leak it in a Referer.
    res.headers.set('cache-control', 'private, no-store')
    res.headers.set('referrer-policy', 'no-referrer')
    return res
  } catch (err) {
    if (err instanceof UnauthorizedError) {
      const url = new URL('/sign-in', appOrigin())
      url.searchParams.set('callbackUrl', req.nextUrl.pathname + req.nextUrl.search)
      return NextResponse.redirect(url, 302)
    }
    return jsonRoute(() => Promise.reject(err))
  }
}

/** Removes one of your own uploads that was never sent (the picker's Remove button). */
export async function DELETE(req: NextRequest, { params }: Params) {
  return jsonRoute(async () => {
    if (!sameOrigin(req)) return NextResponse.json({ message: 'Cross-site request refused' }, { status: 403 })
    const { org, id } = await params
    if (!UUID.test(id)) return notFound()
    await discardUpload(await getCtx(org), { id })
    return new NextResponse(null, { status: 204 })
  })
}

const notFound = () => NextResponse.json({ message: 'File not found' }, { status: 404, headers: { 'cache-control': 'no-store' } })
