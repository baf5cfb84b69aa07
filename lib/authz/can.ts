import 'server-only'
import type { Ctx } from '@/lib/auth/ctx-type'
import { ForbiddenError } from '@/lib/errors'
import { roleCan, type Permission } from './permissions'

/** The role allows it and, for an API token, so do the token's scopes (never more than the owner's role). */
export function can(ctx: Ctx, permission: Permission): boolean {
  return roleCan(ctx.role, permission) && (ctx.actor.kind !== 'apiToken' || ctx.actor.scopes.has(permission))
}

export function authorize(ctx: Ctx, permission: Permission, message?: string): void {
  if (!can(ctx, permission)) throw new ForbiddenError(message)
}
