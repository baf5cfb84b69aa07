'use client'
import { useServerAction, type ServerAction } from '@/components/forms/use-server-action'
import { buttonClass } from '@/components/ui/button'

const watchers = (n: number) => (n === 0 ? 'No watchers' : n === 1 ? '1 watcher' : `${n} watchers`)

/** Follow / Following (a toggle button), with how many people follow the ticket. */
export function FollowToggle({ org, number, following, count, followAction, unfollowAction }: {
  org: string; number: number; following: boolean; count: number; followAction: ServerAction; unfollowAction: ServerAction
}) {
  const follow = useServerAction(followAction)
  const unfollow = useServerAction(unfollowAction)
  const { onSubmit, pending, state } = following ? unfollow : follow
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="number" value={number} />
      <button type="submit" aria-pressed={following} disabled={pending} aria-busy={pending || undefined}
        title={following ? 'You hear of every change to this ticket. Press to stop following.' : 'Hear of every change to this ticket'}
        className={buttonClass(following ? 'primary' : 'secondary', 'px-2.5 py-1 text-xs')}>
        {following ? 'Following' : 'Follow'}
      </button>
      <span className="text-xs text-slate-600" data-testid="watcher-count">{watchers(count)}</span>
      {state.ok === false && <span role="alert" className="text-xs text-rose-600">{state.message}</span>}
    </form>
  )
}
