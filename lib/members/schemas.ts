import { z } from 'zod'
import { roles } from '@/db/enums'

export const roleSchema = z.enum(roles, { errorMap: () => ({ message: 'Choose requester, agent or admin' }) })

export const AddMemberInput = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid email address').max(254),
  name: z.string().trim().max(120).optional().default(''),
  role: roleSchema,
  /** Only for a brand-new account; existing people keep their password. */
  password: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(8, 'Use at least 8 characters').max(200).optional()),
})

export const ChangeRoleInput = z.object({ userId: z.string().uuid(), role: roleSchema })
export const SetActiveInput = z.object({ userId: z.string().uuid(), active: z.preprocess((v) => v === true || v === 'true', z.boolean()) })

/**
 * The members page's URL (`?q=&role=&status=&after=|before=`). It comes from the address bar:
 * a value that does not fit is dropped (the unfiltered first page), never a crashed page.
 */
export const MemberListQuery = z.object({
  q: z.string().trim().max(100).catch(''),
  role: roleSchema.optional().catch(undefined),
  status: z.enum(['active', 'deactivated']).optional().catch(undefined),
  after: z.string().max(600).optional().catch(undefined),
  before: z.string().max(600).optional().catch(undefined),
})
export type MemberListQuery = z.infer<typeof MemberListQuery>
