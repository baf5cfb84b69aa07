'use client'
import { useTranslations } from 'next-intl'
import { Combobox, type ComboOption } from '@/components/ui/combobox'

export type AssigneeQuery = { team?: string; ticket?: number; id?: string }
type Person = { id: string; name: string; email: string; role: 'agent' | 'admin' }

/** Asks the server who may be picked (GET /api/[org]/assignees), the same narrowing it applies on save. */
export async function fetchAssignees(org: string, q: string, narrow: AssigneeQuery, signal?: AbortSignal): Promise<ComboOption[]> {
  const params = new URLSearchParams({ q })
  for (const [k, v] of Object.entries(narrow)) if (v !== undefined && v !== '') params.set(k, String(v))
  const res = await fetch(`/api/${org}/assignees?${params}`, { signal, headers: { accept: 'application/json' } })
  if (!res.ok) throw new Error(`assignee search failed (${res.status})`)
  const { people } = (await res.json()) as { people: Person[] }
  return people.map((p) => ({ id: p.id, label: p.name, hint: p.role === 'admin' ? `${p.email} · admin` : p.email }))
}

/** An agent picker that searches as you type, for desks with thousands of agents. */
export function AssigneePicker({ org, narrow = {}, ...rest }: Omit<Parameters<typeof Combobox>[0], 'load'> & { org: string; narrow?: AssigneeQuery }) {
  const t = useTranslations('tickets.assigneePicker')
  return <Combobox {...rest} placeholder={rest.placeholder ?? t('placeholder')} emptyText={t('empty')}
    load={(q, signal) => fetchAssignees(org, q, narrow, signal)} />
}
