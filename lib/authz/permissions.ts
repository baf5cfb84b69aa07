import type { Role } from '@/db/schema/users'

const requester = ['ticket:create', 'comment:reply', 'attachment:upload'] as const
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

const byRole: Record<Role, ReadonlySet<Permission>> = {
  requester: new Set(requester),
  agent: new Set(agent),
  admin: new Set(admin),
}

export function roleCan(role: Role, permission: Permission): boolean {
  return byRole[role].has(permission)
}

export const isStaffRole = (role: Role) => role === 'agent' || role === 'admin'
