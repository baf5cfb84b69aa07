import path from 'node:path'

/** Against a real server the schema is migrated once, before any worker starts. */
export default async function setup() {
  const url = process.env.DATABASE_URL
  if (!url) return
  const { default: postgres } = await import('postgres')
  const { drizzle } = await import('drizzle-orm/postgres-js')
  const { migrate } = await import('drizzle-orm/postgres-js/migrator')
  const client = postgres(url, { max: 1, onnotice: () => {} })
  await migrate(drizzle(client), { migrationsFolder: path.join(process.cwd(), 'db', 'migrations') })
  await client.end()
}
