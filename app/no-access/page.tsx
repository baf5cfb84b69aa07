import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { updateSession } from '@/lib/auth'
import { currentSession } from '@/lib/auth/session'
import { myOrganizations, homePath } from '@/lib/orgs/my-organizations'
import { buttonClass } from '@/components/ui/button'

export const metadata: Metadata = { title: 'No access' }

async function refreshAccess(form: FormData) {
  'use server'
  // Reloads the memberships kept in the session (e.g. after being added to an org).
  await updateSession({})
  const org = String(form.get('org') ?? '')
  redirect(org && /^[a-z0-9-]+$/.test(org) ? `/${org}` : '/')
}

export default async function NoAccessPage({ searchParams }: { searchParams: Promise<{ org?: string; reason?: string }> }) {
  const { org, reason } = await searchParams
  const session = await currentSession()
  if (!session?.user?.id) redirect('/sign-in')
  const orgs = await myOrganizations(session.user.id)
  const member = orgs.find((o) => o.slug === org)
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-lg px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">You don&apos;t have access to this page</h1>
      <p className="mt-3 text-slate-600">
        {reason === 'admin'
          ? 'This area is for the organisation’s admins.'
          : member
            ? 'Your access to this organisation changed recently.'
            : 'You are not a member of this organisation, or your membership was deactivated.'}
      </p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        {member && reason !== 'admin' && (
          <form action={refreshAccess}>
            <input type="hidden" name="org" value={member.slug} />
            <button className={buttonClass('primary')}>Refresh my access</button>
          </form>
        )}
        {orgs.map((o) => (
          <Link key={o.slug} href={homePath(o.slug, o.role)} className={buttonClass('secondary')}>Go to {o.name}</Link>
        ))}
      </div>
    </main>
  )
}
