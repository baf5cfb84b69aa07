export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  // The embedded default is migrated on open and gets demo data on its first start, so
  // `npm start` on a clean checkout is a working helpdesk. A real server is set up by
  // `npm run db:migrate` / `npm run db:seed` instead.
  const { getHandle } = await import('./db/client')
  const handle = await getHandle()
  if (handle.kind === 'pglite' && process.env.HELPDESK_SEED !== 'off') {
    const { seedIfEmpty } = await import('./db/seed')
    if (await seedIfEmpty(handle.db, (m) => console.log(m))) console.log('Demo data ready. Sign in as admin@acme.test / demo1234')
  }
}
