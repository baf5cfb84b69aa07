import 'server-only'
import bcrypt from 'bcryptjs'

const COST = 10
// Compared against when the account does not exist, so a miss takes as long as a hit.
const DUMMY_HASH = '$2b$10$CwTycUXWue0Thq9StjUM0uJ8.Hn9bJrW3wQ4Yx7mQq8y3G4D1Wf5e'

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST)
}

export async function verifyPassword(plain: string, hash: string | null): Promise<boolean> {
  const ok = await bcrypt.compare(plain, hash ?? DUMMY_HASH)
  return ok && hash !== null
}
