import 'server-only'
import { eq, lt } from 'drizzle-orm'
import { revokedSessions } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import { SESSION_MAX_AGE_SECONDS } from './config'

export async function isRevoked(db: DbOrTx, sid: string): Promise<boolean> {
  const [row] = await db.select({ sid: revokedSessions.sid }).from(revokedSessions).where(eq(revokedSessions.sid, sid)).limit(1)
  return !!row
}

/** Ends a session for good; rows older than any live token are swept on the way. */
export async function revokeSession(db: DbOrTx, sid: string, userId: string): Promise<void> {
  await db.delete(revokedSessions).where(lt(revokedSessions.expiresAt, new Date()))
  await db.insert(revokedSessions)
    .values({ sid, userId, expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) })
    .onConflictDoNothing()
}
