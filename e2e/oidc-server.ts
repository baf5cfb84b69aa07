import type { Server } from 'node:http'
import Provider from 'oidc-provider'

// A real OpenID Connect provider (the `oidc-provider` package) for the OAuth e2e test: the
// app signs in against it through Auth.js's generic OIDC provider, the same code path as
// Google and Entra. Its development login form accepts any login; the login names an
// account as `verified:<email>` or `unverified:<email>`, which become the ID token's
// `email` and `email_verified` claims. Test use only.

export const OIDC_CLIENT = { id: 'helpdesk-e2e', secret: 'helpdesk-e2e-secret-not-for-production' }

export function startOidcProvider(port: number, appOrigin: string): Promise<Server> {
  const provider = new Provider(`http://localhost:${port}`, {
    clients: [{
      client_id: OIDC_CLIENT.id, client_secret: OIDC_CLIENT.secret,
      redirect_uris: [`${appOrigin}/api/auth/callback/oidc`],
      grant_types: ['authorization_code'], response_types: ['code'],
    }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // Scope claims in the ID token itself, as Google puts them there (Auth.js reads the ID token).
    conformIdTokenClaims: false,
    cookies: { keys: ['e2e-only-cookie-key'] },
    async findAccount(_ctx, sub) {
      const [kind, email] = sub.split(':')
      return {
        accountId: sub,
        async claims() { return { sub, email, email_verified: kind === 'verified', name: email?.split('@')[0] } },
      }
    },
  })
  return new Promise((resolve) => { const server = provider.listen(port, () => resolve(server)) })
}
