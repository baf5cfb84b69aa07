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
