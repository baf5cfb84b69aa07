import type { Role } from '@/db/enums'

// `ticket:read` is every role's (what each sees is the visibility rule's business); it exists
// so an API token can be given read access and nothing else.
const requester = ['ticket:read', 'ticket:create', 'comment:reply', 'attachment:upload'] as const
const agent = [
  ...requester,
  'ticket:work', 'ticket:create_on_behalf', 'ticket:edit', 'ticket:assign', 'ticket:flag_sensitive',
  'comment:internal', 'comment:mark_solution', 'members:list',
] as const
const admin = [
  ...agent,
  'ticket:delete', 'ticket:restore', 'attachment:delete_any', 'ticket:unflag_sensitive', 'members:manage', 'audit:view', 'settings:manage',
] as const

export type Permission = (typeof admin)[number]

/** Every permission, in a stable order (token scopes are chosen from these). */
export const permissions: readonly Permission[] = admin

const byRole: Record<Role, ReadonlySet<Permission>> = {
  requester: new Set(requester),
  agent: new Set(agent),
  admin: new Set(admin),
}

export const rolePermissions = (role: Role): ReadonlySet<Permission> => byRole[role]

export function roleCan(role: Role, permission: Permission): boolean {
  return byRole[role].has(permission)
}

export const isStaffRole = (role: Role) => role === 'agent' || role === 'admin'
