import { Readable } from 'node:stream'
import { NextResponse, type NextRequest } from 'next/server'
import { loadLinkedFile } from '@/lib/attachments/access'
import { contentDisposition } from '@/lib/attachments/http'
import { previewableImages } from '@/lib/attachments/limits'
import { verifyFileLink } from '@/lib/attachments/signed-link'
import { storageNamed } from '@/lib/attachments/storage'

export const dynamic = 'force-dynamic'

/**
 * Serves a file from local disk by the signed link the download route issued. The
 * signature (HMAC over org, file, variant and expiry) is the authorisation; an expired
 * or altered link is refused. Served files can never run as part of the app: nosniff,
 * a sandboxing CSP, and only raster images inline.
 */
export async function GET(req: NextRequest, { params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params
  const q = req.nextUrl.searchParams
  const variant = verifyFileLink(org, id, { v: q.get('v'), exp: q.get('exp'), sig: q.get('sig') })
  if (!variant) return refuse(403, 'This link has expired or is not valid. Open the file again from the ticket.')
  const a = await loadLinkedFile(org, id)
  const key = a && (variant === 'thumb' ? a.thumbnailKey : a.storageKey)
  if (!a || !key) return refuse(404, 'File not found')
  let file
  try {
    file = await storageNamed(a.storage).open(key)
  } catch (err) {
    console.error('attachment bytes missing', { id, err })
    return refuse(404, 'File not found')
  }
  const type = variant === 'thumb' ? 'image/webp' : a.contentType.startsWith('text/') ? `${a.contentType}; charset=utf-8` : a.contentType
  const inline = variant === 'thumb' || (previewableImages.has(a.contentType) && q.get('dl') !== '1')
  const remaining = Math.max(0, Number(q.get('exp')) - Math.floor(Date.now() / 1000))
  return new Response(Readable.toWeb(file.stream) as ReadableStream, {
    headers: {
      'content-type': type,
      'content-length': String(file.size),
      'content-disposition': contentDisposition(inline ? 'inline' : 'attachment', variant === 'thumb' ? `${a.filename}.webp` : a.filename),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'cache-control': `private, max-age=${remaining}`,
    },
  })
}

function refuse(status: number, message: string) {
  return new NextResponse(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } })
}
