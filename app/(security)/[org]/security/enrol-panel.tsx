'use client'
import { useState } from 'react'
import { useTranslations } from 'next-intl'
import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useLocalisedResolver } from '@/lib/i18n/server-messages/client'
import { Button } from '@/components/ui/button'
import { Field, Input } from '@/components/ui/field'
import { SubmitButton } from '@/components/ui/submit-button'
import { initialActionState, type ActionState } from '@/lib/actions/state'
import type { Enrolment } from '@/lib/two-factor'
import { ConfirmEnrolmentInput } from '@/lib/two-factor/schemas'
import { confirmEnrolmentAction, startEnrolmentAction } from './actions'

const alertClass = 'rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700 ring-1 ring-rose-200'

/**
 * Set-up in three steps: a new secret (QR and text), a code to prove the app has it, then the
 * recovery codes, shown this once. The actions are called directly, without the router's
 * refresh, so nothing re-renders the page (and drops the codes) before they are saved.
 */
export function EnrolPanel({ org, next }: { org: string; next: string }) {
  const t = useTranslations('auth.enrolPanel')
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null)
  const [codes, setCodes] = useState<string[] | null>(null)
  const [starting, setStarting] = useState(false)
  const [startError, setStartError] = useState<string | null>(null)
  const form = useForm<{ code: string }>({ resolver: useLocalisedResolver(zodResolver(ConfirmEnrolmentInput)), mode: 'onSubmit' })
  const [confirmState, setConfirmState] = useState<ActionState>(initialActionState)

  async function start() {
    setStarting(true)
    setStartError(null)
    const data = new FormData()
    data.set('org', org)
    const res = await startEnrolmentAction(initialActionState, data)
    setStarting(false)
    if (res.ok && res.data) {
      setEnrolment(res.data)
      form.reset({ code: '' })
    } else setStartError(res.message ?? t('startFailed'))
  }

  const confirm = form.handleSubmit(async ({ code }) => {
    const data = new FormData()
    data.set('org', org)
    data.set('code', code)
    const res = await confirmEnrolmentAction(initialActionState, data)
    setConfirmState(res)
    if (res.ok && res.data) setCodes(res.data.recoveryCodes)
    else if (res.fieldErrors?.code) form.setError('code', { type: 'server', message: res.fieldErrors.code[0] }, { shouldFocus: true })
  })

  if (codes) {
    return (
      <div className="space-y-4">
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">
          {t('enabled')}
        </p>
        <div>
          <h3 className="text-sm font-semibold text-slate-900">{t('codesTitle')}</h3>
          <p className="mt-1 text-sm text-slate-600">
            {t('codesHint')}
          </p>
          <ol aria-label={t('codesLabel')} className="mt-3 grid grid-cols-2 gap-2 rounded-md bg-slate-50 p-4 font-mono text-sm text-slate-900 ring-1 ring-slate-200 sm:grid-cols-5">
            {codes.map((c) => <li key={c}>{c}</li>)}
          </ol>
        </div>
        <div className="flex justify-end">
          {/* A full page load: the page is rendered anew with two-factor on. */}
          <a href={next} className="inline-flex items-center rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
            {t('saved')}
          </a>
        </div>
      </div>
    )
  }

  if (!enrolment) {
    return (
      <div className="space-y-3">
        <p className="text-sm text-slate-600">
          {t('intro')}
        </p>
        {startError && <p role="alert" className={alertClass}>{startError}</p>}
        <Button type="button" onClick={start} disabled={starting} aria-busy={starting}>{starting ? t('preparing') : t('start')}</Button>
      </div>
    )
  }

  // The schema's (English) message, shown in the viewer's language.
  const rawErr = form.formState.errors.code?.message
  const err = rawErr === 'Enter the 6-digit code your app shows' ? t('sixDigitCode') : rawErr
  return (
    <div className="grid gap-6 md:grid-cols-[12rem_1fr]">
      <div>
        {/* SVG made on the server by the qrcode package from our own otpauth:// URI. */}
        <div role="img" aria-label={t('qrLabel')} className="h-48 w-48 rounded-md bg-white ring-1 ring-slate-200 [&>svg]:h-full [&>svg]:w-full"
          dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }} />
      </div>
      <div className="space-y-4">
        <div>
          <p className="text-sm text-slate-600">{t('scan')}</p>
          <p className="mt-2 break-all rounded-md bg-slate-50 px-3 py-2 font-mono text-sm tracking-wider text-slate-900 ring-1 ring-slate-200" data-testid="totp-secret">{enrolment.secret}</p>
        </div>
        <form method="post" onSubmit={confirm} noValidate className="space-y-3" aria-label={t('confirmLabel')}>
          <Field id="enrol-code" label={t('codeLabel')} error={err}>
            <Input id="enrol-code" autoComplete="one-time-code" inputMode="numeric" autoFocus invalid={!!err} describedBy="enrol-code-error" {...form.register('code')} />
          </Field>
          {confirmState.ok === false && !confirmState.fieldErrors && confirmState.message && <p role="alert" className={alertClass}>{confirmState.message}</p>}
          <div className="flex justify-end">
            <SubmitButton pending={form.formState.isSubmitting} pendingText={t('checking')}>{t('turnOn')}</SubmitButton>
          </div>
        </form>
      </div>
    </div>
  )
}
