'use server'
import { revalidatePath } from 'next/cache'
import type { Ctx } from '@/lib/auth/ctx'
import { runAction } from '@/lib/actions/run-action'
import type { ActionState } from '@/lib/actions/state'
import { createCategory, deleteCategory, moveCategory, setCategoryActive, updateCategory } from '@/lib/categories'
import { CategoryRefInput, CreateCategoryInput, MoveCategoryInput, SetCategoryActiveInput, UpdateCategoryInput } from '@/lib/categories/schemas'

// Categories appear in ticket forms, filters, routing and SLA pages: refresh the whole org.
const refresh = (ctx: Ctx) => revalidatePath(`/${ctx.org.slug}`, 'layout')

export async function createCategoryAction(_prev: ActionState, form: FormData) {
  return runAction(form, CreateCategoryInput, async (ctx, input) => {
    const c = await createCategory(ctx, input)
    refresh(ctx)
    return { name: c.name }
  })
}

export async function updateCategoryAction(_prev: ActionState, form: FormData) {
  return runAction(form, UpdateCategoryInput, async (ctx, input) => { await updateCategory(ctx, input); refresh(ctx) })
}

export async function setCategoryActiveAction(_prev: ActionState, form: FormData) {
  return runAction(form, SetCategoryActiveInput, async (ctx, input) => { await setCategoryActive(ctx, input); refresh(ctx) })
}

export async function moveCategoryAction(_prev: ActionState, form: FormData) {
  return runAction(form, MoveCategoryInput, async (ctx, input) => { await moveCategory(ctx, input); refresh(ctx) })
}

export async function deleteCategoryAction(_prev: ActionState, form: FormData) {
  return runAction(form, CategoryRefInput, async (ctx, input) => { await deleteCategory(ctx, input); refresh(ctx) })
}
