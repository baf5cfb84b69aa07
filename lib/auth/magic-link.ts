import 'server-only'
import { randomUUID } from 'node:crypto'
import { and, count, eq, gt, sql } from 'drizzle-orm'
import type { Adapter, AdapterUser } from 'next-auth/adapters'
import { users, verificationTokens } from '@/db/schema'
import { getDb, type Db } from '@/db/client'
import { enqueueJobs } from '@/lib/jobs/enqueue'
import { mailDomain } from '@/lib/notifications/config'
import { appOrigin } from '@/lib/http/app-origin'
import { findUserByEmail } from '@/lib/users/create-user'

export const LINK_MAX_AGE_SECONDS = 15 * 60
/** Links one address may request per window; more are dropped silently (no mail bombing). */
const LINKS_PER_WINDOW = 5

const asAdapterUser = (u: { id: string; email: string; name: string }): AdapterUser => ({ id: u.id, email: u.email, name: u.name, emailVerified: null })

/**
 * The few adapter methods Auth.js's email provider needs, on our own tables. Accounts are
 * never created here (nor by OAuth): a link signs in an existing person only (the signIn callback refuses
 * unknown addresses), so `createUser` refuses too.
 */
export function magicLinkAdapter(oauth: { linkedUserId: (db: Db, provider: string, providerAccountId: string) => Promise<string | null> }): Adapter {
  return {
    // OAuth: the link is made by the signIn callback (lib/auth/oauth/link.ts) before Auth.js
    // asks here, so a provider account always resolves to the person it was linked to.
    async getUserByAccount({ provider, providerAccountId }) {
      const db = await getDb()
      const userId = await oauth.linkedUserId(db, provider, providerAccountId)
      const [user] = userId ? await db.select().from(users).where(eq(users.id, userId)) : []
      return user ? asAdapterUser(user) : null
    },
    async linkAccount() {
      throw new Error('Provider accounts are linked by the signIn callback only')
    },
    async createVerificationToken(token) {
      const db = await getDb()
      await db.insert(verificationTokens).values(token)
      return token
    },
    async useVerificationToken({ identifier, token }) {
      const db = await getDb()
      const [row] = await db.delete(verificationTokens)
        .where(and(eq(verificationTokens.identifier, identifier), eq(verificationTokens.token, token))).returning()
      return row ?? null
    },
    async getUserByEmail(email) {
      const db = await getDb()
      const user = await findUserByEmail(db, email)
      return user ? asAdapterUser(user) : null
    },
    async getUser(id) {
      const db = await getDb()
      const [user] = await db.select().from(users).where(eq(users.id, id))
      return user ? asAdapterUser(user) : null
    },
    async updateUser(patch) {
      const db = await getDb()
      const [user] = await db.select().from(users).where(eq(users.id, patch.id!))
      return asAdapterUser(user)
    },
    async createUser() {
      throw new Error('Sign-in links never create accounts')
    },
  }
}

/**
 * Sends the link through the same durable mail path as notifications. Unknown addresses
 * get nothing, but the page says the same either way, so nobody can probe for accounts.
 */
export async function queueSignInLink(email: string, url: string, db?: Db) {
  // Auth.js is pinned to the app origin (lib/auth/config.ts); should that ever slip, a link
  // to any other host is refused rather than mailed (a forged Host would take the account).
  if (new URL(url).origin !== appOrigin()) throw new Error(`Refusing to mail a sign-in link outside ${appOrigin()}`)
  db ??= await getDb()
  const user = await findUserByEmail(db, email)
  if (!user) return false
  const [recent] = await db.select({ n: count() }).from(verificationTokens).where(and(
    eq(verificationTokens.identifier, email),
    gt(verificationTokens.expires, sql`now() + make_interval(secs => ${LINK_MAX_AGE_SECONDS - 15 * 60})`),
  ))
  if (recent.n > LINKS_PER_WINDOW) return false
  const text = [`Hello ${user.name},`, '', 'Use this link to sign in to the helpdesk. It works once and expires in 15 minutes:', '', url, '',
    'If you did not ask for it, ignore this message.'].join('\n')
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a">
<p>Hello ${user.name.replace(/[<>&"]/g, '')},</p><p>Use this link to sign in to the helpdesk. It works once and expires in 15 minutes.</p>
<p><a href="${url.replace(/"/g, '&quot;')}" style="display:inline-block;background:#4f46e5;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">Sign in</a></p>
<p style="color:#64748b;font-size:12px">If you did not ask for it, ignore this message.</p></body></html>`
  await enqueueJobs(db, [{
    queue: 'email', maxAttempts: 3,
    payload: { to: user.email, userId: user.id, event: 'auth.sign_in_link', subject: 'Your sign-in link', text, html, messageId: `<${randomUUID()}@${mailDomain()}>` },
  }])
  return true
}
