'use client'
import Link from 'next/link'
import { useState } from 'react'
import { useTranslations } from 'next-intl'
import type { ServerAction } from '@/components/forms/use-server-action'
import { Combobox, type ComboOption } from '@/components/ui/combobox'
import { initialActionState } from '@/lib/actions/state'

export type PickerReply = { id: string; title: string; body: string; shared: boolean }

/**
 * Finds a canned reply by typing (title or text; arrows and Enter, like every combobox here)
 * and inserts it, filled for this ticket by the server, into the composer. Nothing is sent:
 * the agent reads and edits the text first.
 */
export function CannedReplyPicker({ org, number, replies, fill, onInsert }: {
  org: string; number: number; replies: PickerReply[]; fill: ServerAction<{ text: string }>; onInsert: (text: string) => void
}) {
  const t = useTranslations('tickets.cannedReplyPicker')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [key, setKey] = useState(0)
  const options = (q: string): ComboOption[] => {
    const n = q.trim().toLowerCase()
    return replies.filter((r) => !n || r.title.toLowerCase().includes(n) || r.body.toLowerCase().includes(n))
      .map((r) => ({ id: r.id, label: r.title, hint: `${r.shared ? `${t('shared')} · ` : ''}${r.body.slice(0, 80)}` }))
  }
  const pick = async (o: ComboOption) => {
    setBusy(true)
    setError(null)
    const form = new FormData()
    form.set('org', org)
    form.set('id', o.id)
    form.set('number', String(number))
    const res = await fill(initialActionState as never, form).catch(() => ({ ok: false, message: t('failed') } as const))
    setBusy(false)
    setKey((k) => k + 1) // back to an empty search for the next one
    if (res.ok && res.data) onInsert(res.data.text)
    else setError(res.message ?? t('failed'))
  }
  return (
    <div className="space-y-1">
      <div className="flex items-baseline gap-3">
        <label htmlFor={`canned-${number}`} className="block text-xs font-medium text-slate-600">{t('label')}</label>
        <Link href={`/${org}/canned-replies`} className="text-xs text-indigo-700 hover:underline">{t('manage')}</Link>
      </div>
      <Combobox key={key} id={`canned-${number}`} value={null} onChange={pick} load={async (q) => options(q)} className="max-w-sm"
        placeholder={replies.length ? t('placeholder') : t('none')} emptyText={t('noMatch')} />
      {busy && <p role="status" className="text-xs text-slate-600">{t('inserting')}</p>}
      {error && <p role="alert" className="text-xs text-rose-600">{error}</p>}
    </div>
  )
}
