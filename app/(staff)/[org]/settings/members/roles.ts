import type { Ctx } from '@/lib/auth/ctx-type'

type Role = Ctx['role']

/** The roles offered in the pickers, in order. Labels are common.role.*, hints settings.roles.* (issue 18). */
export const roleOptions: { value: Role }[] = [
  { value: 'requester' },
  { value: 'agent' },
  { value: 'admin' },
]
