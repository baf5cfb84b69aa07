// `npm run db:seed`: demo data into DATABASE_URL (or the embedded database), once.
import { getHandle, closeDb } from './client'
import { seedIfEmpty } from './seed'

async function main() {
  const { db } = await getHandle()
  const seeded = await seedIfEmpty(db, (m) => console.log(m))
  console.log(seeded ? 'Demo data seeded.' : 'The database already has organisations; nothing seeded.')
  await closeDb()
}
main().catch((err) => { console.error(err); process.exit(1) })
