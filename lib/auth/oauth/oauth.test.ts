import { describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { auditEvents, oauthAccounts } from '@/db/schema'
import { addMember, setMemberActive } from '@/lib/members/members'
import { createUser } from '@/lib/users/create-user'
import { makeOrg, uid } from '@/test/factory'
import { linkedUserId, resolveOAuthSignIn } from './link'
import { oauthButtons } from './providers'
import { entraVerifiedEmail, githubPrimaryVerified, githubVerifiedEmail, oidcVerifiedEmail } from './verified-email'

describe('GitHub: the primary address, verified', () => {
  it('picks the primary address only when GitHub has verified it', () => {
    expect(githubPrimaryVerified([
      { email: 'other@x.test', primary: false, verified: true },
      { email: 'main@x.test', primary: true, verified: true },
    ])).toBe('main@x.test')
    // A verified secondary does not stand in for an unverified primary.
    expect(githubPrimaryVerified([
      { email: 'other@x.test', primary: false, verified: true },
      { email: 'main@x.test', primary: true, verified: false },
    ])).toBeNull()
    expect(githubPrimaryVerified([{ email: 'x@x.test', primary: true, verified: 'true' }])).toBeNull()
    expect(githubPrimaryVerified([])).toBeNull()
    expect(githubPrimaryVerified({ message: 'Bad credentials' })).toBeNull()
    expect(githubPrimaryVerified(null)).toBeNull()
  })

  it('asks /user/emails with the access token; a refused call or no token gives nothing', async () => {
    const seen: { url: string; auth: string | null }[] = []
    const fake = (status: number, body: unknown) => (async (url: string | URL | Request, init?: RequestInit) => {
      seen.push({ url: String(url), auth: new Headers(init?.headers).get('authorization') })
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
    }) as typeof fetch
    const emails = [{ email: 'me@x.test', primary: true, verified: true }]
    expect(await githubVerifiedEmail('tok123', fake(200, emails), 'https://gh.test')).toBe('me@x.test')
    expect(seen[0]).toEqual({ url: 'https://gh.test/user/emails', auth: 'Bearer tok123' })
    expect(await githubVerifiedEmail('tok123', fake(401, { message: 'Bad credentials' }))).toBeNull()
    expect(await githubVerifiedEmail(undefined, fake(200, emails))).toBeNull()
    expect(seen).toHaveLength(2)
  })
})

describe('OpenID Connect claims', () => {
  it('Google and generic OIDC: email_verified must be exactly true', () => {
    expect(oidcVerifiedEmail({ email: 'a@x.test', email_verified: true })).toBe('a@x.test')
    expect(oidcVerifiedEmail({ email: 'a@x.test', email_verified: false })).toBeNull()
    expect(oidcVerifiedEmail({ email: 'a@x.test', email_verified: 'true' })).toBeNull()
    expect(oidcVerifiedEmail({ email: 'a@x.test' })).toBeNull()
    expect(oidcVerifiedEmail({ email_verified: true })).toBeNull()
  })

  it('Entra: email_verified, or the xms_edov optional claim', () => {
    expect(entraVerifiedEmail({ email: 'a@x.test', xms_edov: true })).toBe('a@x.test')
    expect(entraVerifiedEmail({ email: 'a@x.test', email_verified: true })).toBe('a@x.test')
    expect(entraVerifiedEmail({ email: 'a@x.test', xms_edov: false })).toBeNull()
    expect(entraVerifiedEmail({ email: 'a@x.test', preferred_username: 'a@x.test' })).toBeNull()
  })
})

describe('providers from the environment', () => {
  it('each provider only with its id and secret (and Entra with its issuer)', () => {
    expect(oauthButtons({})).toEqual([])
    expect(oauthButtons({ AUTH_GITHUB_ID: 'id' })).toEqual([])
    expect(oauthButtons({
      AUTH_GITHUB_ID: 'i', AUTH_GITHUB_SECRET: 's', AUTH_GOOGLE_ID: 'i', AUTH_GOOGLE_SECRET: 's',
      AUTH_MICROSOFT_ENTRA_ID_ID: 'i', AUTH_MICROSOFT_ENTRA_ID_SECRET: 's',
    }).map((p) => p.id)).toEqual(['github', 'google'])
    expect(oauthButtons({
      AUTH_MICROSOFT_ENTRA_ID_ID: 'i', AUTH_MICROSOFT_ENTRA_ID_SECRET: 's', AUTH_MICROSOFT_ENTRA_ID_ISSUER: 'https://login.microsoftonline.com/t/v2.0',
      AUTH_OIDC_ISSUER: 'https://idp.test', AUTH_OIDC_ID: 'i', AUTH_OIDC_SECRET: 's', AUTH_OIDC_NAME: 'Acme SSO',
    })).toEqual([{ id: 'microsoft-entra-id', name: 'Microsoft Entra ID' }, { id: 'oidc', name: 'Acme SSO' }])
  })
})

describe('linking a provider account to a person', () => {
  it('a verified address of an active member links, is audited in each org, and the link then wins over any address', async () => {
    const o = await makeOrg()
    const other = await makeOrg()
    const email = `linked-${uid()}@t.test`
    const user = await addMember(o.admin, { email, role: 'agent' })
    await addMember(other.admin, { email, role: 'requester' })
    const sub = `sub-${uid()}`
    expect(await resolveOAuthSignIn(o.db, { provider: 'oidc', providerAccountId: sub, verifiedEmail: email.toUpperCase(), ip: '10.0.0.1' }))
      .toEqual({ ok: true, userId: user.id, linked: true })
    expect(await linkedUserId(o.db, 'oidc', sub)).toBe(user.id)
    for (const org of [o, other]) {
      const events = await org.db.select().from(auditEvents).where(and(eq(auditEvents.organizationId, org.org.id), eq(auditEvents.action, 'oauth.linked')))
      expect(events).toHaveLength(1)
      expect(events[0]).toMatchObject({ actorId: user.id, entityId: user.id, ip: '10.0.0.1', changes: { provider: [null, 'oidc'] } })
    }
    // The provider now asserts someone else's address (changed there): still the linked person.
    expect(await resolveOAuthSignIn(o.db, { provider: 'oidc', providerAccountId: sub, verifiedEmail: o.admin.user.email, ip: null }))
      .toEqual({ ok: true, userId: user.id, linked: false })
    // ...or none at all.
    expect(await resolveOAuthSignIn(o.db, { provider: 'oidc', providerAccountId: sub, verifiedEmail: null, ip: null }))
      .toEqual({ ok: true, userId: user.id, linked: false })
    // The same subject at another provider is another account.
    expect(await resolveOAuthSignIn(o.db, { provider: 'github', providerAccountId: sub, verifiedEmail: null, ip: null }))
      .toEqual({ ok: false, reason: 'unverified' })
  })

  it('refuses an unverified address, an unknown one and a person without an active membership; creates no one', async () => {
    const o = await makeOrg()
    const ghost = `ghost-${uid()}@t.test`
    expect(await resolveOAuthSignIn(o.db, { provider: 'oidc', providerAccountId: uid(), verifiedEmail: null, ip: null })).toEqual({ ok: false, reason: 'unverified' })
    expect(await resolveOAuthSignIn(o.db, { provider: 'oidc', providerAccountId: uid(), verifiedEmail: ghost, ip: null })).toEqual({ ok: false, reason: 'unknown' })
    const loner = await createUser(o.db, { email: `loner-${uid()}@t.test`, name: 'No orgs' })
    expect(await resolveOAuthSignIn(o.db, { provider: 'oidc', providerAccountId: uid(), verifiedEmail: loner.email, ip: null })).toEqual({ ok: false, reason: 'unknown' })
    // Linked, then deactivated: the link no longer signs in.
    const sub = uid()
    expect(await resolveOAuthSignIn(o.db, { provider: 'oidc', providerAccountId: sub, verifiedEmail: o.agent2.user.email, ip: null })).toMatchObject({ ok: true })
    await setMemberActive(o.admin, { userId: o.agent2.user.id, active: false })
    expect(await resolveOAuthSignIn(o.db, { provider: 'oidc', providerAccountId: sub, verifiedEmail: o.agent2.user.email, ip: null })).toEqual({ ok: false, reason: 'inactive' })
    const links = await o.db.select().from(oauthAccounts).where(eq(oauthAccounts.email, ghost))
    expect(links).toEqual([])
  })
})
