import 'server-only'
import type { Ctx } from '@/lib/auth/ctx-type'
import { ForbiddenError } from '@/lib/errors'
import { roleCan, type Permission } from './permissions'

export function can(ctx: Ctx, permission: Permission): boolean {
  return roleCan(ctx.role, permission)
}

export function authorize(ctx: Ctx, permission: Permission, message?: string): void {
  if (!can(ctx, permission)) throw new ForbiddenError(message)
}
