import { getHandle } from './db/client'
import { seedIfEmpty } from './db/seed'
import { ensureWorker } from './lib/jobs/start'
import { assertAppOrigin } from './lib/http/app-origin'
import { installClientIpHook } from './lib/http/client-ip-hook'

/**
 * Runs once before the server answers requests. A missing APP_URL or a bad TRUSTED_PROXIES
 * stops start-up with the reason, rather than mailing links to the wrong host or trusting
 * the wrong header later.
 */
export async function prepareServer() {
  assertAppOrigin()
  installClientIpHook()
  await prepareDatabase()
}

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
