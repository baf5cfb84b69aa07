import { z } from 'zod'

// Client-safe: the forms validate with these too.
/** A 6-digit code from the app, or a recovery code (letters and digits, dashes and spaces ignored). */
export const SecondFactorInput = z.object({
  code: z.string().trim().min(6, 'Enter the code from your app or a recovery code').max(40),
})

export const ConfirmEnrolmentInput = z.object({
  code: z.string().trim().regex(/^\d{6}$/, 'Enter the 6-digit code your app shows'),
})

/** Turning two-factor off proves the person again: a current code (or recovery code) or the password. */
export const DisableTwoFactorInput = z.object({
  code: z.string().trim().max(40).optional().default(''),
  password: z.string().max(200).optional().default(''),
}).refine((v) => v.code !== '' || v.password !== '', { message: 'Enter a current code or your password', path: ['code'] })

export const RequireStaffTwoFactorInput = z.object({
  required: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
})
