import 'server-only'
import NextAuth, { CredentialsSignin } from 'next-auth'
import Credentials from 'next-auth/providers/credentials'
import Nodemailer from 'next-auth/providers/nodemailer'
import { getDb } from '@/db/client'
import { authConfig } from './config'
import { loadMembershipClaims, verifyCredentials } from './credentials'
import { clientIp } from '@/lib/http/client-ip'
import { revokeSession } from './revocation'
import { LINK_MAX_AGE_SECONDS, magicLinkAdapter, queueSignInLink } from './magic-link'
import { findUserByEmail } from '@/lib/users/create-user'
import { mailFrom } from '@/lib/notifications/config'

export class AccountLockedError extends CredentialsSignin {
  code = 'locked'
}

export const { handlers, auth, signIn, signOut, unstable_update: updateSession } = NextAuth({
  ...authConfig,
  adapter: magicLinkAdapter(),
  providers: [
    // Magic links (§10): the message goes through our outbox and mail worker, not straight to SMTP.
    Nodemailer({
      server: process.env.SMTP_URL ?? 'smtp://localhost:25',
      from: mailFrom(),
      maxAge: LINK_MAX_AGE_SECONDS,
      async sendVerificationRequest({ identifier, url }) {
        await queueSignInLink(identifier, url)
      },
    }),
    Credentials({
      credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, request) {
        const db = await getDb()
        const result = await verifyCredentials(db, credentials, clientIp(request.headers) ?? 'unknown')
        if (result.ok) return result.user
        if (result.reason === 'locked') {
          const err = new AccountLockedError()
          err.code = `locked:${result.lockout.retryAfterMinutes}`
          throw err
        }
        return null
      },
    }),
  ],
  events: {
    // Every way of signing out ends the session for good, including a direct POST to
    // /api/auth/signout, which otherwise only clears the cookie and leaves a copied token
    // valid until it expires.
    async signOut(message) {
      const token = 'token' in message ? message.token : null
      if (typeof token?.sid === 'string' && token.sub) await revokeSession(await getDb(), token.sid, token.sub)
    },
  },
  callbacks: {
    ...authConfig.callbacks,
    async signIn({ user, account, email }) {
      if (account?.type !== 'email' || email?.verificationRequest) return true
      // Following a link signs in existing people only.
      return !!(user.email && (await findUserByEmail(await getDb(), user.email)))
    },
    async jwt(params) {
      if (params.user && !params.user.memberships && params.user.id) {
        params.user.memberships = await loadMembershipClaims(await getDb(), params.user.id)
      }
      const token = await authConfig.callbacks.jwt(params)
      // After an admin adds someone to an org, the client asks for a session update;
      // the memberships middleware relies on are then reloaded from the database.
      if (params.trigger === 'update' && token.sub) {
        token.memberships = await loadMembershipClaims(await getDb(), token.sub)
      }
      return token
    },
  },
})
