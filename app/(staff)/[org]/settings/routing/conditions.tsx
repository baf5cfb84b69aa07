import type { TicketPriority } from '@/lib/tickets/workflow'

const cap = (s: string) => s[0].toUpperCase() + s.slice(1)
const either = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs.at(-1)}`)

/** A rule's conditions as one readable line: "Category is Hardware · Mentions “vpn” or “wifi”". */
export function RuleConditions({ category, priorities, keywords, domains }: {
  category: string | null; priorities: TicketPriority[]; keywords: string[]; domains: string[]
}) {
  const parts = [
    category && `Category is ${category}`,
    priorities.length > 0 && `Priority is ${either(priorities.map(cap))}`,
    keywords.length > 0 && `Mentions ${either(keywords.map((k) => `“${k}”`))}`,
    domains.length > 0 && `Requester at ${either(domains)}`,
  ].filter(Boolean) as string[]
  if (parts.length === 0) return <span className="text-slate-600">Every ticket</span>
  return <span>{parts.join(' · ')}</span>
}
