// `npm run db:migrate`: applies the committed migrations to DATABASE_URL (or the embedded database).
import path from 'node:path'

async function main() {
  const migrationsFolder = path.join(process.cwd(), 'db', 'migrations')
  const url = process.env.DATABASE_URL
  if (!url) {
    process.env.HELPDESK_SEED = 'off'
    const { getHandle, closeDb } = await import('./client')
    await getHandle() // the embedded client migrates on open
    await closeDb()
    console.log('Embedded database migrated.')
    return
  }
  const { default: postgres } = await import('postgres')
  const { drizzle } = await import('drizzle-orm/postgres-js')
  const { migrate } = await import('drizzle-orm/postgres-js/migrator')
  const client = postgres(url, { max: 1, onnotice: () => {} })
  await migrate(drizzle(client), { migrationsFolder })
  await client.end()
  console.log('Database migrated.')
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
