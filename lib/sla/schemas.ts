import { z } from 'zod'
import { ticketPriorities } from '@/db/enums'

// Client-safe: the SLA settings form validates with these too.

// The form shows a number and a unit (minutes, hours, days) and posts minutes: the messages
// name no unit, so none contradicts the picker beside them (issue 18).
const minutes = (label: string) => z.coerce.number({ invalid_type_error: `Enter the ${label} target as a number` })
  .int(`Round the ${label} target to the minute`)
  .positive(`The ${label} target must be more than zero`)
  .max(525_600, `Keep the ${label} target under a year`)

export const SlaPolicyInput = z.object({
  id: z.preprocess((v) => (v === '' ? undefined : v), z.string().uuid().optional()),
  priority: z.enum(ticketPriorities, { errorMap: () => ({ message: 'Choose a priority' }) }),
  categoryId: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().uuid('Choose a category').optional()),
  responseMinutes: minutes('first response'),
  resolutionMinutes: minutes('resolution'),
  businessHours: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
  active: z.preprocess((v) => v === undefined ? true : v === true || v === 'on' || v === 'true', z.boolean()),
}).refine((p) => p.resolutionMinutes >= p.responseMinutes, {
  path: ['resolutionMinutes'], message: 'The resolution target cannot be shorter than the first-response target',
})
export type SlaPolicyInput = z.input<typeof SlaPolicyInput>

export const SlaPolicyRef = z.object({ id: z.string().uuid() })
