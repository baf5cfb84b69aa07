import 'server-only'
import { getDb } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { RateLimitedError, ValidationError } from '@/lib/errors'
import { problemFrom } from '@/lib/api/problem'
import { countRequest, rateHeaders, type RateState } from '@/lib/api/rate-limit'
import { idempotent, requestFingerprint } from '@/lib/api/idempotency'
import type { ApiResult } from '@/lib/api/result'
import { apiCtx, callerOf } from './context'

export type ApiCall<P> = { req: Request; ctx: Ctx; params: P; body: unknown; query: URLSearchParams }
type Params = Record<string, string> & { org: string }

/** JSON bodies above this are refused before parsing (attachments have their own route). */
const BODY_MAX = 256 * 1024

async function readJson(req: Request): Promise<{ text: string; body: unknown }> {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'DELETE') return { text: '', body: undefined }
  const text = await req.text()
  if (text.length > BODY_MAX) throw new ValidationError('The request body is too large', { body: [`Keep the body under ${BODY_MAX / 1024} KB`] })
  if (!text.trim()) return { text, body: {} }
  const type = req.headers.get('content-type') ?? ''
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) throw new ValidationError('Send JSON', { 'content-type': ['Use Content-Type: application/json'] })
  try {
    return { text, body: JSON.parse(text) }
  } catch {
    throw new ValidationError('The body is not valid JSON', { body: ['The body is not valid JSON'] })
  }
}

/**
 * One API operation as a Next route handler: caller → rate limit → (for a POST with
 * `Idempotency-Key`) at most once → the operation, a thin adapter over the domain verbs.
 * Every answer carries the RateLimit headers; every failure is problem+json (RFC 9457).
 */
export function apiRoute<P extends Params>(op: (call: ApiCall<P>) => Promise<ApiResult>, opts: { rawBody?: boolean } = {}) {
  return async (req: Request, { params }: { params: Promise<P> }): Promise<Response> => {
    let rate: RateState | null = null
    try {
      const p = await params
      const ctx = await apiCtx(req, p.org)
      const caller = callerOf(ctx)
      rate = await countRequest(await getDb(), ctx.org.id, caller)
      if (rate.exceeded) throw new RateLimitedError(`Rate limit of ${rate.limit} requests a minute reached; try again in ${rate.resetSeconds} s`, rate.resetSeconds)
      // A raw body (an upload) streams to the operation unread; it is not replayable, so
      // Idempotency-Key does not apply (a retried upload stages another file, which expires unused).
      const { text, body } = opts.rawBody ? { text: '', body: undefined } : await readJson(req)
      const url = new URL(req.url)
      const call = (c: Ctx) => op({ req, ctx: c, params: p, body, query: url.searchParams })
      const key = req.headers.get('idempotency-key')
      const result = req.method === 'POST' && key !== null && !opts.rawBody
        ? await idempotent(ctx, caller, key, requestFingerprint(req.method, url.pathname, text), call)
        : await call(ctx)
      const headers: Record<string, string> = { 'cache-control': 'no-store', ...rateHeaders(rate), ...result.headers }
      if (result.status === 204) return new Response(null, { status: 204, headers })
      if (result.stream) return new Response(result.stream, { status: result.status, headers })
      return new Response(JSON.stringify(result.body), { status: result.status, headers: { 'content-type': 'application/json', ...headers } })
    } catch (err) {
      return problemFrom(err, rate ? rateHeaders(rate) : {})
    }
  }
}
