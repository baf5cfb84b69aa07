import type { NextAuthConfig } from 'next-auth'
import type { Role } from '@/db/schema/users'
import { pinAuthUrl } from '@/lib/http/app-origin'

// Before any NextAuth() call (middleware's and lib/auth's both import this module first):
// with AUTH_URL set to the app origin, Auth.js builds magic links and redirects from it and
// never from Host / X-Forwarded-Host. Auth.js then trusts the host because it was configured
// (its own rule: AUTH_URL or AUTH_TRUST_HOST set, or not production); `trustHost` is not
// forced on here, so an unconfigured production server refuses instead of guessing.
pinAuthUrl()

/** slug → role for the user's active memberships; lets middleware gate routes without the database. */
export type MembershipClaims = Record<string, Role>

declare module 'next-auth' {
  interface Session {
    memberships: MembershipClaims
    /** This sign-in's id; signing out revokes it (see db/schema/sessions.ts). */
    sid?: string
    /**
     * Signed in with the first factor only; the second is still owed (issue 18). Such a
     * session carries no memberships and every loader treats it as signed out.
     */
    twoFactorPending?: boolean
    /** Unix seconds after which the pending sign-in must start again. */
    twoFactorPendingUntil?: number
  }
  interface User {
    memberships?: MembershipClaims
  }
}

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60
/** How long the code page waits after the password, link or provider step. */
export const TWO_FACTOR_PENDING_SECONDS = 10 * 60

/**
 * Edge-safe part of the Auth.js configuration, shared by middleware and the full
 * config. Nothing here may import the database: middleware only redirects.
 */
export const authConfig = {
  pages: { signIn: '/sign-in', verifyRequest: '/sign-in/check-email', error: '/sign-in' },
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 15 * 60 },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id
        token.memberships = user.memberships ?? {}
        token.sid = crypto.randomUUID()
      }
      return token
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub
      session.memberships = (token.memberships as MembershipClaims | undefined) ?? {}
      if (typeof token.sid === 'string') session.sid = token.sid
      if (token.tfa === 'pending') {
        session.twoFactorPending = true
        session.twoFactorPendingUntil = typeof token.tfaUntil === 'number' ? token.tfaUntil : 0
      }
      return session
    },
  },
} satisfies NextAuthConfig
