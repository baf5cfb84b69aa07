import 'server-only'
import { getDb, type Db, type DbOrTx, type Tx } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'

/**
 * Runs `fn` in the caller's open transaction (`ctx.tx`) or in a new one. Every verb that
 * writes opens its transaction here, so a caller — a bulk action, the API's idempotent
 * create, a merge — can run several verbs as one unit: it opens the transaction and passes
 * the ctx it gets back. On PGlite (one connection) this is also what keeps a verb's reads
 * from waiting on the caller's own open transaction.
 */
export async function withTx<T>(ctx: Ctx, fn: (tx: Tx, ctx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.tx) return fn(ctx.tx, ctx)
  const db = await getDb()
  return db.transaction((tx) => fn(tx, { ...ctx, tx }))
}

/** Where a verb reads: inside the caller's transaction when there is one. */
export async function dbFor(ctx: Pick<Ctx, 'tx'>): Promise<DbOrTx> {
  return ctx.tx ?? (await getDb())
}

export type { Db, DbOrTx, Tx }
