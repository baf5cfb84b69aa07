import NextAuth from 'next-auth'
import { NextResponse } from 'next/server'
import { authConfig, type MembershipClaims } from '@/lib/auth/config'

// Edge-safe config only: middleware redirects on the session's claims and never touches
// the database. It is a convenience, not protection: every page, action and route
// re-checks membership and role in the data-access layer.
const { auth } = NextAuth(authConfig)

const STAFF_AREAS = new Set(['tickets'])
const ADMIN_AREAS = new Set(['settings'])

export default auth((req) => {
  const { pathname, search } = req.nextUrl
  if (!req.auth?.user) {
    const url = new URL('/sign-in', req.url)
    url.searchParams.set('callbackUrl', pathname + search)
    return NextResponse.redirect(url)
  }
  const [org, area] = pathname.split('/').filter(Boolean)
  if (!org) return NextResponse.next()
  const role = (req.auth.memberships as MembershipClaims | undefined)?.[org]
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
})

export const config = {
  // Node, not the edge sandbox: the app always runs on a Node server, and the edge
  // emulation cost ~6 ms of every page request (measured by the benchmark's profile).
  runtime: 'nodejs',
  matcher: ['/((?!api/|_next/|sign-in|no-access|favicon.ico|robots.txt).*)'],
}
