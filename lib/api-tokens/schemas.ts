import { z } from 'zod'
import { permissions, type Permission } from '@/lib/authz/permissions'

// Client-safe: the settings form validates with these too.

export const TOKEN_NAME_MAX = 80
export const tokenExpiries = ['30', '90', '365', 'never'] as const

const scope = z.enum(permissions as [Permission, ...Permission[]], { errorMap: () => ({ message: 'Unknown scope' }) })

export const CreateTokenInput = z.object({
  name: z.string().trim().min(1, 'Name the token, e.g. “Monitoring integration”')
    .max(TOKEN_NAME_MAX, `Keep the name under ${TOKEN_NAME_MAX} characters`),
  /** The member the token acts for: found by email, so this scales to any number of members. */
  ownerEmail: z.string({ required_error: 'Enter the email of the member the token acts for' }).trim().toLowerCase()
    .email('Enter the email of the member the token acts for').max(254),
  // Checkboxes: one value is a string, several an array; forms send "false" for none ticked.
  scopes: z.preprocess((v) => (v === undefined || v === false ? [] : (Array.isArray(v) ? v : [v]).filter((x) => x !== 'false' && x !== false)),
    z.array(scope).min(1, 'Choose at least one scope')),
  expiresInDays: z.enum(tokenExpiries, { errorMap: () => ({ message: 'Choose when the token expires' }) }).default('90'),
})

export const RevokeTokenInput = z.object({ id: z.string().uuid('Unknown token') })
