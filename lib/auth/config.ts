import type { NextAuthConfig } from 'next-auth'
import type { Role } from '@/db/schema/users'

/** slug → role for the user's active memberships; lets middleware gate routes without the database. */
export type MembershipClaims = Record<string, Role>

declare module 'next-auth' {
  interface Session {
    memberships: MembershipClaims
    /** This sign-in's id; signing out revokes it (see db/schema/sessions.ts). */
    sid?: string
  }
  interface User {
    memberships?: MembershipClaims
  }
}

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60

/**
 * Edge-safe part of the Auth.js configuration, shared by middleware and the full
 * config. Nothing here may import the database: middleware only redirects.
 */
export const authConfig = {
  pages: { signIn: '/sign-in', verifyRequest: '/sign-in/check-email', error: '/sign-in' },
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 15 * 60 },
  trustHost: true,
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
      return session
    },
  },
} satisfies NextAuthConfig
