import 'server-only'
import NextAuth, { CredentialsSignin } from 'next-auth'
import Credentials from 'next-auth/providers/credentials'
import Nodemailer from 'next-auth/providers/nodemailer'
import { getDb } from '@/db/client'
import { authConfig, TWO_FACTOR_PENDING_SECONDS } from './config'
import { loadMembershipClaims, verifyCredentials } from './credentials'
import { clientIp } from '@/lib/http/client-ip'
import { revokeSession } from './revocation'
import { LINK_MAX_AGE_SECONDS, magicLinkAdapter, queueSignInLink } from './magic-link'
import { findUserByEmail } from '@/lib/users/create-user'
import { mailFrom } from '@/lib/notifications/config'
import { isTwoFactorEnabled } from '@/lib/two-factor/verify'
import { oauthProviders } from './oauth/providers'
import { verifiedEmailOf } from './oauth/verified-email'
import { linkedUserId, resolveOAuthSignIn } from './oauth/link'
import { isTwoFactorProof } from './two-factor-proof'

export class AccountLockedError extends CredentialsSignin {
  code = 'locked'
}

export const { handlers, auth, signIn, signOut, unstable_update: updateSession } = NextAuth({
  ...authConfig,
  adapter: magicLinkAdapter({ linkedUserId }),
  providers: [
    ...oauthProviders(),
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
    async signIn({ user, account, email, profile }) {
      if (account?.type === 'oauth' || account?.type === 'oidc') {
        // Links to an existing member by a verified address only; never creates anyone (issue 18).
        const verifiedEmail = await verifiedEmailOf(account.provider, (profile ?? {}) as Record<string, unknown>, account.access_token)
        const result = await resolveOAuthSignIn(await getDb(), { provider: account.provider, providerAccountId: account.providerAccountId, verifiedEmail, ip: null })
        if (result.ok) return true
        return `/sign-in?error=${result.reason === 'unverified' ? 'OAuthUnverified' : 'OAuthUnknown'}`
      }
      if (account?.type !== 'email' || email?.verificationRequest) return true
      // Following a link signs in existing people only.
      return !!(user.email && (await findUserByEmail(await getDb(), user.email)))
    },
    async jwt(params) {
      if (params.user && !params.user.memberships && params.user.id) {
        params.user.memberships = await loadMembershipClaims(await getDb(), params.user.id)
      }
      const token = await authConfig.callbacks.jwt(params)
      // First factor done (password, link or provider) for someone enrolled in two-factor:
      // the session carries no memberships until the code page completes it (issue 18).
      if (params.user?.id && (await isTwoFactorEnabled(await getDb(), params.user.id))) {
        token.tfa = 'pending'
        token.tfaUntil = Math.floor(Date.now() / 1000) + TWO_FACTOR_PENDING_SECONDS
        token.memberships = {}
        return token
      }
      if (params.trigger === 'update' && token.tfa === 'pending') {
        const data = params.session as { twoFactorProof?: unknown } | undefined
        const inTime = typeof token.tfaUntil === 'number' && token.tfaUntil >= Date.now() / 1000
        if (!inTime || !isTwoFactorProof(token.sid, data?.twoFactorProof)) return token
        delete token.tfa
        delete token.tfaUntil
      }
      // After an admin adds someone to an org, the client asks for a session update;
      // the memberships middleware relies on are then reloaded from the database.
      if (params.trigger === 'update' && token.sub && token.tfa !== 'pending') {
        token.memberships = await loadMembershipClaims(await getDb(), token.sub)
      }
      return token
    },
  },
})
