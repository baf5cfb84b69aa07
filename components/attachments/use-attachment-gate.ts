'use client'
import { useCallback, useState, type FormEvent } from 'react'
import { useTranslations } from 'next-intl'
import type { PickerState } from './attachment-picker'

/**
 * Ties an AttachmentPicker to its form: the form is not sent while files are still
 * uploading or have failed (the person decides: retry or remove), and the picker is
 * emptied after a successful send by remounting it (`pickerKey`).
 */
export function useAttachmentGate() {
  const t = useTranslations('tickets.useAttachmentGate')
  const [state, setState] = useState<PickerState>({ uploading: 0, failed: 0 })
  const [round, setRound] = useState(0)
  const [blocked, setBlocked] = useState<string | null>(null)
  const onStateChange = useCallback((s: PickerState) => {
    setState(s)
    if (!s.uploading && !s.failed) setBlocked(null)
  }, [])
  const guard = (submit: (e: FormEvent<HTMLFormElement>) => void) => (e: FormEvent<HTMLFormElement>) => {
    if (state.uploading || state.failed) {
      e.preventDefault()
      setBlocked(state.uploading ? t('uploading') : t('failed'))
      return
    }
    submit(e)
  }
  const reset = useCallback(() => setRound((r) => r + 1), [])
  return { pickerKey: round, reset, onStateChange, guard, blocked, uploading: state.uploading > 0 }
}
