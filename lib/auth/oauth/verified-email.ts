// What each provider asserts about the address it hands us (issue 18). An OAuth sign-in links
// to an existing person only through an address the provider says it has verified.

export type GithubEmail = { email: string; primary: boolean; verified: boolean }

/** GitHub: the account's *primary* address, and only once GitHub has verified it. */
export function githubPrimaryVerified(emails: unknown): string | null {
  if (!Array.isArray(emails)) return null
  const primary = (emails as Partial<GithubEmail>[]).find((e) => e?.primary === true)
  return primary?.verified === true && typeof primary.email === 'string' ? primary.email : null
}

/**
 * GitHub's profile `email` is whatever the person made public and says nothing about
 * verification, so the address comes from GET /user/emails (scope user:email).
 */
export async function githubVerifiedEmail(accessToken: string | undefined, fetchImpl: typeof fetch = fetch, apiBase = 'https://api.github.com'): Promise<string | null> {
  if (!accessToken) return null
  const res = await fetchImpl(`${apiBase}/user/emails`, {
    headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/vnd.github+json', 'User-Agent': 'helpdesk' },
  })
  if (!res.ok) return null
  return githubPrimaryVerified(await res.json())
}

type Claims = Record<string, unknown>
const email = (c: Claims) => (typeof c.email === 'string' && c.email.includes('@') ? c.email : null)

/** OpenID Connect (Google, any standard provider): the `email_verified` claim, and it must be `true`. */
export function oidcVerifiedEmail(claims: Claims): string | null {
  return claims.email_verified === true ? email(claims) : null
}

/**
 * Microsoft Entra ID sends no `email_verified` for work accounts; its optional ID-token claim
 * `xms_edov` (email domain owner verified, added in the app registration's token
 * configuration) says the address's domain belongs to the tenant. Either is accepted.
 */
export function entraVerifiedEmail(claims: Claims): string | null {
  if (claims.email_verified === true) return email(claims)
  return claims.xms_edov === true || claims.xms_edov === 'true' || claims.xms_edov === 1 ? email(claims) : null
}

/** The verified address this sign-in asserts, or null (then it cannot link to anyone). */
export async function verifiedEmailOf(provider: string, profile: Claims, accessToken: string | undefined): Promise<string | null> {
  if (provider === 'github') return githubVerifiedEmail(accessToken)
  if (provider === 'microsoft-entra-id') return entraVerifiedEmail(profile)
  return oidcVerifiedEmail(profile)
}
