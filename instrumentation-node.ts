import { getHandle } from './db/client'
import { seedIfEmpty } from './db/seed'
import { ensureWorker } from './lib/jobs/start'

/**
 * The embedded default is migrated on open and gets demo data on its first start, so
 * `npm start` on a clean checkout is a working helpdesk. A real server is set up by
 * `npm run db:migrate` / `npm run db:seed` instead.
 */
export async function prepareDatabase() {
  const handle = await getHandle()
  if (handle.kind === 'pglite' && process.env.HELPDESK_SEED !== 'off') {
    if (await seedIfEmpty(handle.db, (m) => console.log(m))) console.log('Demo data ready. Sign in as admin@acme.test / demo1234')
  }
  if (process.env.HELPDESK_WORKER !== 'off') ensureWorker(handle.db)
}
