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

/** The new-ticket requester picker's type-ahead (`?q=`): name or email. */
export const CallerSearch = z.object({ q: z.string().trim().max(100, 'Search for at most 100 characters').default('') })

/**
 * A caller who is not yet a member, added by staff while logging their ticket (a phone call,
 * a walk-in): a name and an email (sign-in and notices go there), optionally a phone number
 * for the SMS channel.
 */
export const AddCallerInput = z.object({
  name: z.string().trim().min(1, 'Enter the caller’s name').max(120, 'Keep the name under 120 characters'),
  email: z.string().trim().toLowerCase().min(1, 'Enter the caller’s email').email('Enter a valid email address').max(254),
  phone: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim()
    .regex(/^\+?[0-9 ()-]{6,20}$/, 'Enter a phone number of digits, e.g. +44 20 7946 0000').optional()),
})
