import 'server-only'
import NextAuth, { CredentialsSignin } from 'next-auth'
import Credentials from 'next-auth/providers/credentials'
import { getDb } from '@/db/client'
import { authConfig } from './config'
import { loadMembershipClaims, verifyCredentials } from './credentials'
import { clientIp } from './ip'

export class AccountLockedError extends CredentialsSignin {
  code = 'locked'
}

export const { handlers, auth, signIn, signOut, unstable_update: updateSession } = NextAuth({
  ...authConfig,
  providers: [
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
  callbacks: {
    ...authConfig.callbacks,
    async jwt(params) {
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
