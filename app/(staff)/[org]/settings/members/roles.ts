import type { Ctx } from '@/lib/auth/ctx-type'

type Role = Ctx['role']

export const roleOptions: { value: Role; label: string; hint: string }[] = [
  { value: 'requester', label: 'Requester', hint: 'portal only' },
  { value: 'agent', label: 'Agent', hint: 'works tickets' },
  { value: 'admin', label: 'Admin', hint: 'agent + settings' },
]
