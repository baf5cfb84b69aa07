import 'server-only'
import { and, eq } from 'drizzle-orm'
import { memberships, oauthAccounts } from '@/db/schema'
import type { Db } from '@/db/client'
import { recordAudits } from '@/lib/audit/record'
import { findUserByEmail } from '@/lib/users/create-user'

export type OAuthSignIn =
  | { ok: true; userId: string; linked: boolean }
  /** unverified: the provider vouches for no address; unknown: no member has it; inactive: the linked person has no active membership. */
  | { ok: false; reason: 'unverified' | 'unknown' | 'inactive' }

const activeMemberships = (db: Db, userId: string) =>
  db.select({ organizationId: memberships.organizationId, role: memberships.role }).from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.active, true)))

/**
 * Who an OAuth sign-in is (issue 18). An existing link wins and the address is not looked
 * at again, so an email changed at the provider cannot move the link to someone else.
 * Without a link, the provider's *verified* address must belong to a person with an active
 * membership; the link is then made and audited in each of their organisations. OAuth never
 * creates an account.
 */
export async function resolveOAuthSignIn(db: Db, input: { provider: string; providerAccountId: string; verifiedEmail: string | null; ip: string | null }): Promise<OAuthSignIn> {
  const [link] = await db.select({ userId: oauthAccounts.userId }).from(oauthAccounts)
    .where(and(eq(oauthAccounts.provider, input.provider), eq(oauthAccounts.providerAccountId, input.providerAccountId))).limit(1)
  if (link) return (await activeMemberships(db, link.userId)).length ? { ok: true, userId: link.userId, linked: false } : { ok: false, reason: 'inactive' }
  if (!input.verifiedEmail) return { ok: false, reason: 'unverified' }
  const user = await findUserByEmail(db, input.verifiedEmail)
  const orgs = user ? await activeMemberships(db, user.id) : []
  if (!user || orgs.length === 0) return { ok: false, reason: 'unknown' }
  return db.transaction(async (tx) => {
    const made = await tx.insert(oauthAccounts)
      .values({ provider: input.provider, providerAccountId: input.providerAccountId, userId: user.id, email: input.verifiedEmail! })
      .onConflictDoNothing().returning({ userId: oauthAccounts.userId })
    // Two first sign-ins raced: the one that made the link decides.
    if (made.length === 0) {
      const [winner] = await tx.select({ userId: oauthAccounts.userId }).from(oauthAccounts)
        .where(and(eq(oauthAccounts.provider, input.provider), eq(oauthAccounts.providerAccountId, input.providerAccountId)))
      return { ok: true as const, userId: winner.userId, linked: false }
    }
    for (const m of orgs) {
      await recordAudits(tx, { user: { id: user.id }, org: { id: m.organizationId }, role: m.role, ip: input.ip }, [{
        entityType: 'user', entityId: user.id, action: 'oauth.linked',
        changes: { provider: [null, input.provider], email: [null, input.verifiedEmail] },
      }])
    }
    return { ok: true as const, userId: user.id, linked: true }
  })
}

/** The person a provider account is linked to (the adapter's getUserByAccount). */
export async function linkedUserId(db: Db, provider: string, providerAccountId: string): Promise<string | null> {
  const [link] = await db.select({ userId: oauthAccounts.userId }).from(oauthAccounts)
    .where(and(eq(oauthAccounts.provider, provider), eq(oauthAccounts.providerAccountId, providerAccountId))).limit(1)
  return link?.userId ?? null
}
