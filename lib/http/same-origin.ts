import 'server-only'
import { appOrigin } from '@/lib/http/app-origin'

/** A state-changing request from another site is refused even if a cookie rode along (defence in depth beyond SameSite). */
export function sameOrigin(req: Request): boolean {
  const origin = req.headers.get('origin')
  if (!origin) return true
  // Compared with the configured origin, not Host / X-Forwarded-Host, which the sender controls.
  return origin === appOrigin()
}
