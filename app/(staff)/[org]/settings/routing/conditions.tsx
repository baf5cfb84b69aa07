import { getTranslations } from 'next-intl/server'
import type { TicketPriority } from '@/lib/tickets/workflow'

/** A rule's conditions as one readable line: "Category is Hardware · Mentions “vpn” or “wifi”". */
export async function RuleConditions({ category, priorities, keywords, domains }: {
  category: string | null; priorities: TicketPriority[]; keywords: string[]; domains: string[]
}) {
  const t = await getTranslations('settings.conditions')
  const tp = await getTranslations('common.priority')
  const either = (xs: string[]) => (xs.length <= 1 ? xs.join('') : t('either', { list: xs.slice(0, -1).join(', '), last: xs.at(-1)! }))
  const parts = [
    category && t('category', { category }),
    priorities.length > 0 && t('priority', { priorities: either(priorities.map((p) => tp(p))) }),
    keywords.length > 0 && t('mentions', { keywords: either(keywords.map((k) => t('quoted', { k }))) }),
    domains.length > 0 && t('requesterAt', { domains: either(domains) }),
  ].filter(Boolean) as string[]
  if (parts.length === 0) return <span className="text-slate-600">{t('everyTicket')}</span>
  return <span>{parts.join(' · ')}</span>
}
