import NextAuth from 'next-auth'
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server'
import { authConfig } from '@/lib/auth/config'
import { freshClaims, type Claims } from '@/lib/auth/fresh-claims'
import { awaitFullBody } from '@/lib/http/body-workaround'
import { createNonce, requestHeadersWithNonce, withSecurityHeaders } from '@/lib/http/security-headers'

// Redirects on the session's claims and never touches the database. It is a convenience,
// not protection: every page, action and route re-checks membership and role in the
// data-access layer. It also puts the security headers (CSP with a per-request nonce) on
// every response, which is why it matches (almost) every path.
const { auth } = NextAuth(authConfig)

const STAFF_AREAS = new Set(['tickets'])
const ADMIN_AREAS = new Set(['settings'])
/** Paths the sign-in routing leaves alone (they only get the security headers). csat/: survey links, answered without signing in (the link's signature is the check, lib/csat). */
const UNGATED = /^\/(api\/|_next\/|docs\/|csat\/|sign-in|no-access|favicon\.ico|icon\.svg|apple-icon\.png|robots\.txt)/

/** A redirect, or null to let the request through. */
function route(req: NextRequest, claims: Claims): NextResponse | null {
  const { pathname, search } = req.nextUrl
  if (!claims?.userId) {
    const url = new URL('/sign-in', req.url)
    url.searchParams.set('callbackUrl', pathname + search)
    return NextResponse.redirect(url)
  }
  // Password, link or provider done, second factor owed: nothing but the code page (issue 18).
  if (claims.twoFactorPending) {
    const url = new URL('/sign-in/two-factor', req.url)
    url.searchParams.set('callbackUrl', pathname + search)
    return NextResponse.redirect(url)
  }
  const [org, area] = pathname.split('/').filter(Boolean)
  if (!org) return null
  const role = claims.memberships?.[org]
  const noAccess = (reason: string) => {
    const url = new URL('/no-access', req.url)
    url.searchParams.set('org', org)
    url.searchParams.set('reason', reason)
    return NextResponse.redirect(url)
  }
  if (!role) return noAccess('member')
  if (!area) return NextResponse.redirect(new URL(role === 'requester' ? `/${org}/portal` : `/${org}/tickets`, req.url))
  // A requester following a workspace link lands on the same ticket in the portal.
  if (STAFF_AREAS.has(area) && role === 'requester') {
    return NextResponse.redirect(new URL(pathname.replace(`/${org}/tickets`, `/${org}/portal`), req.url))
  }
  if (ADMIN_AREAS.has(area) && role !== 'admin') return noAccess('admin')
  return null
}

/** Lets the request through with the nonce on its headers, so Next renders its scripts with it. */
const pass = (req: NextRequest, nonce: string) => NextResponse.next({ request: { headers: requestHeadersWithNonce(req.headers, nonce) } })
const routeOrPass = (req: NextRequest, claims: Claims, nonce: string) => route(req, claims) ?? pass(req, nonce)

/**
 * A session cookie issued within the last `updateAge` is decoded and routed on; any other
 * goes through Auth.js's middleware, which renews it (sliding expiry) or sends to sign-in.
 */
async function gate(req: NextRequest, event: NextFetchEvent, nonce: string): Promise<Response> {
  if (UNGATED.test(req.nextUrl.pathname)) return pass(req, nonce)
  const claims = await freshClaims(req.cookies, process.env.AUTH_SECRET)
  if (claims) return routeOrPass(req, claims, nonce)
  const viaAuthJs = auth((r) => routeOrPass(r, r.auth?.user ? { userId: r.auth.user.id, memberships: r.auth.memberships, twoFactorPending: r.auth.twoFactorPending } : null, nonce))
  return (viaAuthJs as unknown as (req: NextRequest, event: NextFetchEvent) => Promise<Response>)(req, event)
}

export default async function middleware(req: NextRequest, event: NextFetchEvent) {
  await awaitFullBody(req) // Next 15.5 body race, see the module
  const nonce = createNonce()
  return withSecurityHeaders(await gate(req, event, nonce), nonce)
}

export const config = {
  // Node, not the edge sandbox: the app always runs on a Node server, and the edge
  // emulation cost ~6 ms of every page request (measured by the benchmark's profile).
  runtime: 'nodejs',
  // Everything but build assets and /api/. Routes under /api/ stream request bodies (uploads
  // up to the attachment limit); with middleware in front, Next would buffer each body and cut
  // it at middlewareClientMaxBodySize (10 MB). Their headers, and the build assets', are
  // static and come from next.config.ts; API responses are JSON and need no nonce.
  matcher: ['/((?!api/|_next/static/|_next/image).*)'],
}
