'use client'
import { useTranslations } from 'next-intl'
import { useServerAction, type ServerAction } from '@/components/forms/use-server-action'
import { buttonClass } from '@/components/ui/button'

/** Follow / Following (a toggle button), with how many people follow the ticket. */
export function FollowToggle({ org, number, following, count, followAction, unfollowAction }: {
  org: string; number: number; following: boolean; count: number; followAction: ServerAction; unfollowAction: ServerAction
}) {
  const t = useTranslations('tickets.followToggle')
  const follow = useServerAction(followAction)
  const unfollow = useServerAction(unfollowAction)
  const { onSubmit, pending, state } = following ? unfollow : follow
  return (
    <form method="post" onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="number" value={number} />
      <button type="submit" aria-pressed={following} disabled={pending} aria-busy={pending || undefined}
        title={following ? t('followingTitle') : t('followTitle')}
        className={buttonClass(following ? 'primary' : 'secondary', 'px-2.5 py-1 text-xs')}>
        {following ? t('following') : t('follow')}
      </button>
      <span className="text-xs text-slate-600" data-testid="watcher-count">{t('watchers', { count })}</span>
      {state.ok === false && <span role="alert" className="text-xs text-rose-600">{state.message}</span>}
    </form>
  )
}
