import 'server-only'
import { createHash } from 'node:crypto'
import { and, eq, lt, sql } from 'drizzle-orm'
import { apiIdempotencyKeys } from '@/db/schema'
import { withTx } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { ValidationError } from '@/lib/errors'
import type { ApiResult } from './result'

const KEY_MAX = 255
/** A stored answer is replayed for a day; after that the key may be used afresh. */
const KEEP = sql`interval '24 hours'`

export function requestFingerprint(method: string, path: string, body: string): string {
  return `${method} ${path} ${createHash('sha256').update(body).digest('base64url')}`
}

/**
 * Runs `run` once per (caller, `Idempotency-Key`). The key row is written first, in the
 * same transaction as the change, so a concurrent retry blocks on its primary key until
 * the first commits, then finds the row and replays the stored response; if the first
 * fails, its row rolls back with it and the retry runs for real. Errors are not stored.
 */
export async function idempotent(ctx: Ctx, caller: string, key: string, fingerprint: string, run: (ctx: Ctx) => Promise<ApiResult>): Promise<ApiResult> {
  if (!key || key.length > KEY_MAX || !/^[\x21-\x7e]+$/.test(key)) {
    throw new ValidationError('Invalid Idempotency-Key', { 'Idempotency-Key': [`Use up to ${KEY_MAX} visible ASCII characters`] })
  }
  return withTx(ctx, async (tx, txCtx) => {
    const where = and(eq(apiIdempotencyKeys.organizationId, ctx.org.id), eq(apiIdempotencyKeys.caller, caller), eq(apiIdempotencyKeys.key, key))
    // An expired answer makes way for a new one.
    await tx.delete(apiIdempotencyKeys).where(and(where, lt(apiIdempotencyKeys.createdAt, sql`now() - ${KEEP}`)))
    const [claimed] = await tx.insert(apiIdempotencyKeys)
      .values({ organizationId: ctx.org.id, caller, key, fingerprint, status: 0, body: {}, headers: {} })
      .onConflictDoNothing().returning({ key: apiIdempotencyKeys.key })
    if (!claimed) {
      const [prev] = await tx.select().from(apiIdempotencyKeys).where(where)
      if (!prev || prev.fingerprint !== fingerprint) {
        throw new ValidationError('This Idempotency-Key was used for a different request', { 'Idempotency-Key': ['Use a new key for a different request'] })
      }
      return { status: prev.status, body: prev.body, headers: { ...prev.headers, 'idempotent-replayed': 'true' } }
    }
    const result = await run(txCtx)
    await tx.update(apiIdempotencyKeys).set({ status: result.status, body: result.body ?? null, headers: result.headers ?? {} }).where(where)
    if (Math.random() < 0.01) await tx.delete(apiIdempotencyKeys).where(lt(apiIdempotencyKeys.createdAt, sql`now() - ${KEEP}`))
    return result
  })
}
