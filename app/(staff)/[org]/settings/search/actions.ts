'use server'
import { revalidatePath } from 'next/cache'
import { runAction } from '@/lib/actions/run-action'
import type { ActionState } from '@/lib/actions/state'
import { setSearchLanguage } from '@/lib/search'
import { SearchLanguageInput } from '@/lib/search/schemas'

export async function setSearchLanguageAction(_prev: ActionState, form: FormData) {
  return runAction(form, SearchLanguageInput, async (ctx, input) => {
    const { changed } = await setSearchLanguage(ctx, input)
    revalidatePath(`/${ctx.org.slug}/settings`, 'layout')
    return { changed, language: input.language }
  })
}
