import { z } from 'zod'

// Client-safe: the sign-in form validates with this too.
export const SignInInput = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid email address'),
  password: z.string().min(1, 'Enter your password').max(200),
})

export const MagicLinkInput = z.object({
  email: SignInInput.shape.email,
})
