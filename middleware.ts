import NextAuth from 'next-auth'
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server'
import { authConfig } from '@/lib/auth/config'
import { freshClaims, type Claims } from '@/lib/auth/fresh-claims'
import { awaitFullBody } from '@/lib/http/body-workaround'

// Redirects on the session's claims and never touches the database. It is a convenience,
// not protection: every page, action and route re-checks membership and role in the
// data-access layer.
const { auth } = NextAuth(authConfig)

const STAFF_AREAS = new Set(['tickets'])
const ADMIN_AREAS = new Set(['settings'])

function route(req: NextRequest, claims: Claims) {
  const { pathname, search } = req.nextUrl
  if (!claims?.userId) {
    const url = new URL('/sign-in', req.url)
    url.searchParams.set('callbackUrl', pathname + search)
    return NextResponse.redirect(url)
  }
  const [org, area] = pathname.split('/').filter(Boolean)
  if (!org) return NextResponse.next()
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
  return NextResponse.next()
}

const viaAuthJs = auth((req) => route(req, req.auth?.user ? { userId: req.auth.user.id, memberships: req.auth.memberships } : null))

/**
 * A session cookie issued within the last `updateAge` is decoded and routed on; any other
 * goes through Auth.js's middleware, which renews it (sliding expiry) or sends to sign-in.
 */
export default async function middleware(req: NextRequest, event: NextFetchEvent) {
  await awaitFullBody(req) // Next 15.5 body race, see the module
  const claims = await freshClaims(req.cookies, process.env.AUTH_SECRET)
  if (claims) return route(req, claims)
  return (viaAuthJs as unknown as (req: NextRequest, event: NextFetchEvent) => Promise<Response>)(req, event)
}

export const config = {
  // Node, not the edge sandbox: the app always runs on a Node server, and the edge
  // emulation cost ~6 ms of every page request (measured by the benchmark's profile).
  runtime: 'nodejs',
  matcher: ['/((?!api/|_next/|docs/|sign-in|no-access|favicon.ico|robots.txt).*)'],
}
