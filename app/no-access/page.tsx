import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { updateSession } from '@/lib/auth'
import { currentSession } from '@/lib/auth/session'
import { myOrganizations, homePath } from '@/lib/orgs/my-organizations'
import { buttonClass } from '@/components/ui/button'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth.noAccessPage'))('title') }
}

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
  const t = await getTranslations('auth.noAccessPage')
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-lg px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">{t('heading')}</h1>
      <p className="mt-3 text-slate-600">
        {reason === 'admin'
          ? t('adminOnly')
          : member
            ? t('changed')
            : t('notMember')}
      </p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        {member && reason !== 'admin' && (
          <form action={refreshAccess}>
            <input type="hidden" name="org" value={member.slug} />
            <button className={buttonClass('primary')}>{t('refresh')}</button>
          </form>
        )}
        {orgs.map((o) => (
          <Link key={o.slug} href={homePath(o.slug, o.role)} className={buttonClass('secondary')}>{t('goTo', { org: o.name })}</Link>
        ))}
      </div>
    </main>
  )
}
