import 'server-only'
import { and, count, desc, eq, gt, sql } from 'drizzle-orm'
import { signInAttempts } from '@/db/schema'
import type { DbOrTx } from '@/db/client'

export const LOCKOUT = {
  windowMinutes: 15,
  /** Failed attempts on one account within the window before it is locked. */
  perAccount: 5,
  /** Failed attempts from one address within the window, across accounts. */
  perIp: 30,
}

export type Lockout = { locked: false } | { locked: true; retryAfterMinutes: number; scope: 'account' | 'ip' }

/**
 * Counts failures since the last success inside the window. Kept in the database,
 * not in memory, so the limit holds across any number of app instances.
 */
export async function checkLockout(db: DbOrTx, email: string, ip: string): Promise<Lockout> {
  const since = sql`now() - make_interval(mins => ${LOCKOUT.windowMinutes})`
  const [lastOk] = await db.select({ at: signInAttempts.createdAt }).from(signInAttempts)
    .where(and(eq(signInAttempts.email, email), eq(signInAttempts.success, true), gt(signInAttempts.createdAt, since)))
    .orderBy(desc(signInAttempts.createdAt)).limit(1)
  const failures = await db.select({ at: signInAttempts.createdAt }).from(signInAttempts)
    .where(and(
      eq(signInAttempts.email, email), eq(signInAttempts.success, false), gt(signInAttempts.createdAt, since),
      lastOk ? gt(signInAttempts.createdAt, lastOk.at) : undefined,
    ))
    .orderBy(desc(signInAttempts.createdAt)).limit(LOCKOUT.perAccount)
  if (failures.length >= LOCKOUT.perAccount) {
    return { locked: true, scope: 'account', retryAfterMinutes: minutesLeft(failures[failures.length - 1].at) }
  }
  const [ipFailures] = await db.select({ n: count() }).from(signInAttempts)
    .where(and(eq(signInAttempts.ip, ip), eq(signInAttempts.success, false), gt(signInAttempts.createdAt, since)))
  if (ipFailures.n >= LOCKOUT.perIp) return { locked: true, scope: 'ip', retryAfterMinutes: LOCKOUT.windowMinutes }
  return { locked: false }
}

function minutesLeft(oldestCountedFailure: Date): number {
  const unlockAt = oldestCountedFailure.getTime() + LOCKOUT.windowMinutes * 60_000
  return Math.max(1, Math.ceil((unlockAt - Date.now()) / 60_000))
}

export async function recordAttempt(db: DbOrTx, email: string, ip: string, success: boolean) {
  await db.insert(signInAttempts).values({ email, ip, success })
}
