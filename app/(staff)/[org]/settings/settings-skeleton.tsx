import { getTranslations } from 'next-intl/server'

/**
 * The settings pages' loading skeleton. Each section has its own loading.tsx that renders it,
 * rather than one loading.tsx for all of settings: a boundary there would sit above the team
 * detail route (teams/[teamId]), whose layout must answer a real HTTP 404 for an unknown team
 * before anything streams (issue 15; the same reason as tickets' (list) group, issue 12).
 */
export async function SettingsSkeleton() {
  const t = await getTranslations('settings.loading')
  return (
    <div aria-busy="true" aria-label={t('label')} className="animate-pulse space-y-3">
      <div className="h-8 w-40 rounded bg-slate-200" />
      <div className="h-32 rounded bg-slate-100" />
      {Array.from({ length: 6 }, (_, i) => <div key={i} className="h-10 rounded bg-slate-100" />)}
    </div>
  )
}
