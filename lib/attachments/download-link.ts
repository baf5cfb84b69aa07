import 'server-only'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorizeDownload } from './access'
import { previewableImages } from './limits'
import { LINK_TTL_SECONDS, signFileLink, type FileVariant } from './signed-link'
import { storageNamed } from './storage'

/**
 * Where the caller may fetch a file from, for the next few minutes (§8): visibility is
 * checked (and a staff download of a sensitive ticket's file audited) by authorizeDownload,
 * then the storage's own signed URL (uploadthing) or the app's HMAC-signed one (local disk).
 * The page route redirects to it; the API hands it out as `downloadUrl`.
 */
export async function downloadLink(ctx: Ctx, id: string, opts: { variant?: FileVariant; download?: boolean } = {}): Promise<string> {
  const variant = opts.variant ?? 'original'
  const a = await authorizeDownload(ctx, id, variant)
  const key = variant === 'thumb' ? a.thumbnailKey! : a.storageKey
  const inline = variant === 'thumb' || (previewableImages.has(a.contentType) && !opts.download)
  const external = await storageNamed(a.storage).signedUrl({
    key, filename: a.filename, contentType: a.contentType, disposition: inline ? 'inline' : 'attachment', expiresInSeconds: LINK_TTL_SECONDS,
  })
  return external ?? signFileLink(ctx.org.slug, a.id, variant) + (opts.download ? '&dl=1' : '')
}
