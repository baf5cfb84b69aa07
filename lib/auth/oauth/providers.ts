import 'server-only'
import type { Provider } from 'next-auth/providers'
import GitHub from 'next-auth/providers/github'
import Google from 'next-auth/providers/google'
import MicrosoftEntraID from 'next-auth/providers/microsoft-entra-id'

type Env = Record<string, string | undefined>

/**
 * The OAuth providers switched on by the environment (Auth.js's conventional names): each
 * only when its id and secret are set. `oidc` is any standard OpenID Connect provider (an
 * in-house IdP; the e2e tests sign in against a local one), on the same code path as
 * Google and Entra, which are OIDC too.
 */
export function oauthProviders(env: Env = process.env): Provider[] {
  const list: Provider[] = []
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) {
    list.push(GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET, authorization: { params: { scope: 'read:user user:email' } } }))
  }
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) {
    list.push(Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }))
  }
  if (env.AUTH_MICROSOFT_ENTRA_ID_ID && env.AUTH_MICROSOFT_ENTRA_ID_SECRET && env.AUTH_MICROSOFT_ENTRA_ID_ISSUER) {
    list.push(MicrosoftEntraID({ clientId: env.AUTH_MICROSOFT_ENTRA_ID_ID, clientSecret: env.AUTH_MICROSOFT_ENTRA_ID_SECRET, issuer: env.AUTH_MICROSOFT_ENTRA_ID_ISSUER }))
  }
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET) {
    list.push({
      id: 'oidc', name: env.AUTH_OIDC_NAME || 'Single sign-on', type: 'oidc',
      issuer: env.AUTH_OIDC_ISSUER, clientId: env.AUTH_OIDC_ID, clientSecret: env.AUTH_OIDC_SECRET,
      authorization: { params: { scope: 'openid email profile' } },
      checks: ['pkce', 'state', 'nonce'],
    })
  }
  return list
}

/** For the sign-in page's buttons: the enabled providers' ids and names. */
export function oauthButtons(env: Env = process.env): { id: string; name: string }[] {
  return oauthProviders(env).map((p) => {
    const o = typeof p === 'function' ? p() : p
    return { id: o.id, name: o.name }
  })
}
