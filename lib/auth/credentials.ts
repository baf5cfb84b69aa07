import 'server-only'
import { and, eq, sql } from 'drizzle-orm'
import { SignInInput } from './schemas'
import { memberships, organizations, users } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import { verifyPassword } from './password'
import { checkLockout, recordAttempt, type Lockout } from './rate-limit'
import type { MembershipClaims } from './config'

export { SignInInput }

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string; memberships: MembershipClaims } }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; lockout: Extract<Lockout, { locked: true }> }

export async function loadMembershipClaims(db: DbOrTx, userId: string): Promise<MembershipClaims> {
  const rows = await db.select({ slug: organizations.slug, role: memberships.role })
    .from(memberships).innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, userId), eq(memberships.active, true)))
  return Object.fromEntries(rows.map((r) => [r.slug, r.role]))
}

/** Password sign-in with per-account and per-IP lockout (§2). */
export async function verifyCredentials(db: DbOrTx, raw: unknown, ip: string): Promise<SignInResult> {
  const parsed = SignInInput.safeParse(raw)
  if (!parsed.success) return { ok: false, reason: 'invalid' }
  const { email, password } = parsed.data
  const lockout = await checkLockout(db, email, ip)
  if (lockout.locked) return { ok: false, reason: 'locked', lockout }
  const [user] = await db.select().from(users).where(eq(sql`lower(${users.email})`, email)).limit(1)
  const ok = await verifyPassword(password, user?.passwordHash ?? null)
  await recordAttempt(db, email, ip, ok)
  if (!ok || !user) return { ok: false, reason: 'invalid' }
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, memberships: await loadMembershipClaims(db, user.id) } }
}
