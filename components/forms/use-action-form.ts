'use client'
import { useEffect, useRef } from 'react'
import { useForm, type DefaultValues, type FieldValues, type Path } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useLocalisedResolver } from '@/lib/i18n/server-messages/client'
import type { z } from 'zod'
import type { ActionState } from '@/lib/actions/state'
import { useServerAction, type ServerAction } from './use-server-action'

/**
 * react-hook-form validating with the domain's zod schema in the browser, submitting
 * the real <form> to a server action that validates again. Server field errors land on
 * the same fields; the server is the authority.
 */
export function useActionForm<S extends z.ZodTypeAny>(
  schema: S,
  action: ServerAction,
  opts: { defaultValues?: DefaultValues<z.input<S> & FieldValues>; resetOnSuccess?: boolean; onSuccess?: (state: ActionState) => void; flash?: string } = {},
) {
  const { state, pending, run } = useServerAction(action, { flash: opts.flash })
  const formRef = useRef<HTMLFormElement>(null)
  const form = useForm<z.input<S> & FieldValues>({ resolver: useLocalisedResolver(zodResolver(schema)), defaultValues: opts.defaultValues, mode: 'onSubmit' })
  const { setError, reset } = form
  const onSuccess = useRef(opts.onSuccess)
  onSuccess.current = opts.onSuccess

  useEffect(() => {
    if (state.ok === false && state.fieldErrors) {
      for (const [name, messages] of Object.entries(state.fieldErrors)) {
        setError(name as Path<z.input<S> & FieldValues>, { type: 'server', message: messages[0] }, { shouldFocus: true })
      }
    }
    if (state.ok) {
      if (opts.resetOnSuccess) reset()
      onSuccess.current?.(state)
    }
  }, [state, setError, reset, opts.resetOnSuccess])

  const onSubmit = form.handleSubmit(async () => {
    const data = new FormData(formRef.current!)
    // An unchecked box is absent from FormData; say "false" so an edit can clear a flag.
    for (const box of formRef.current!.querySelectorAll<HTMLInputElement>('input[type=checkbox][name]:not(:disabled)')) {
      if (!data.has(box.name)) data.set(box.name, 'false')
    }
    await run(data)
  })

  const err = (name: string) => {
    const e = (form.formState.errors as Record<string, { message?: string } | undefined>)[name]
    return e?.message
  }

  return { form, state, pending: pending || form.formState.isSubmitting, formRef, onSubmit, err }
}
