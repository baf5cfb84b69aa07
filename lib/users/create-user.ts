import 'server-only'
import { eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { users } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import { hashPassword } from '@/lib/auth/password'

export const EmailSchema = z.string().trim().toLowerCase().email('Enter a valid email address').max(254)
export const PasswordSchema = z.string().min(8, 'Use at least 8 characters').max(200)

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [u] = await db.select().from(users).where(eq(sql`lower(${users.email})`, email.trim().toLowerCase())).limit(1)
  return u ?? null
}

/** Global account (not tenant data). Returns the existing account for a known email. */
export async function createUser(db: DbOrTx, input: { email: string; name: string; password?: string | null }) {
  const email = EmailSchema.parse(input.email)
  const existing = await findUserByEmail(db, email)
  if (existing) return existing
  const passwordHash = input.password ? await hashPassword(PasswordSchema.parse(input.password)) : null
  const [u] = await db.insert(users).values({ email, name: input.name.trim() || email, passwordHash }).returning()
  return u
}
