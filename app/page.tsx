import Link from 'next/link'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { currentSession } from '@/lib/auth/session'
import { homePath, myOrganizations } from '@/lib/orgs/my-organizations'
import { signOutAction } from './(auth)/sign-in/actions'

export default async function Home() {
  const session = await currentSession()
  if (!session?.user?.id) redirect('/sign-in')
  const orgs = await myOrganizations(session.user.id)
  if (orgs.length === 1) redirect(homePath(orgs[0].slug, orgs[0].role))
  const [t, tc] = await Promise.all([getTranslations('auth.homePage'), getTranslations('common')])
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-md px-4 py-24">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      {orgs.length === 0 ? (
        <p className="mt-4 text-slate-600">{t('noOrgs')}</p>
      ) : (
        <ul className="mt-6 space-y-2">
          {orgs.map((o) => (
            <li key={o.slug}>
              <Link href={homePath(o.slug, o.role)} className="flex items-center justify-between rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200 hover:ring-indigo-400">
                <span className="font-medium">{o.name}</span>
                <span className="text-sm capitalize text-slate-600">{tc(`role.${o.role}`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <form action={signOutAction} className="mt-8"><button className="text-sm text-slate-600 underline">{t('signOut')}</button></form>
    </main>
  )
}
