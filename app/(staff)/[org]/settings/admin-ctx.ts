import 'server-only'
import { redirect } from 'next/navigation'
import type { Ctx } from '@/lib/auth/ctx'
import { pageCtx } from '@/lib/pages/guard'

/**
 * Settings are admin-only. The layout checks, and so does every page: a layout is not
 * re-rendered on client navigation between its pages, so it cannot be the only gate
 * (and the lib functions authorise again on their own).
 */
export async function adminPageCtx(org: string): Promise<Ctx> {
  const ctx = await pageCtx(org)
  if (ctx.role !== 'admin') redirect(`/no-access?org=${encodeURIComponent(org)}&reason=admin`)
  return ctx
}
