'use server'
import { cookies } from 'next/headers'
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { LOCALE_COOKIE, locales } from '@/lib/i18n/config'

const schema = z.object({ locale: z.enum(locales) })

/**
 * Sets the interface language (issue 18). A cookie, like the theme and the time zone: it is
 * the browser's choice, works before sign-in (the sign-in page offers it too) and needs no
 * account. An unknown value is refused and changes nothing.
 */
export async function setLocaleAction(form: FormData): Promise<void> {
  const parsed = schema.safeParse({ locale: form.get('locale') })
  if (!parsed.success) return
  ;(await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' })
  revalidatePath('/', 'layout')
}
