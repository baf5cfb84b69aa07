import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations')

/**
 * Against a real server the schema is migrated once, before any worker starts. On the
 * embedded engine, a migrated PGlite is built once and saved as a template that every
 * test file's in-memory database starts from (PGLITE_TEMPLATE), instead of replaying
 * the migrations per file.
 */
export default async function setup() {
  const url = process.env.DATABASE_URL
  if (url) {
    const { default: postgres } = await import('postgres')
    const { drizzle } = await import('drizzle-orm/postgres-js')
    const { migrate } = await import('drizzle-orm/postgres-js/migrator')
    const client = postgres(url, { max: 1, onnotice: () => {} })
    await migrate(drizzle(client), { migrationsFolder })
    await client.end()
    return
  }
  const { PGlite } = await import('@electric-sql/pglite')
  const { pgliteExtensions } = await import('../db/pglite-extensions')
  const { drizzle } = await import('drizzle-orm/pglite')
  const { migrate } = await import('drizzle-orm/pglite/migrator')
  const pg = new PGlite('memory://', { extensions: pgliteExtensions })
  await migrate(drizzle(pg, { casing: 'snake_case' }), { migrationsFolder })
  const dump = await pg.dumpDataDir('gzip')
  await pg.close()
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-pglite-')), 'template.tar.gz')
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  process.env.PGLITE_TEMPLATE = file
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true })
}
