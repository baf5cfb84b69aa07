import 'server-only'
import { jsonRoute as apiRoute } from '@/lib/http/json-route'
export { sameOrigin } from '@/lib/http/same-origin'

/** The attachment routes' error mapping: a missing or invisible file reads "File not found". */
export const jsonRoute = (fn: () => Promise<Response>) => apiRoute(fn, { notFound: 'File not found' })

/** RFC 6266 / RFC 5987: an ASCII fallback and the exact UTF-8 name. */
export function contentDisposition(kind: 'inline' | 'attachment', filename: string): string {
  const ascii = filename.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  const utf8 = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${utf8}`
}
