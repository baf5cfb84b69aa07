import { defineConfig } from '@playwright/test'

// End-to-end tests drive Debian's Chromium against `next start` (a production build).
// Without DATABASE_URL the server runs on a fresh embedded database that it seeds on
// start; with DATABASE_URL the database is migrated and seeded first.
const port = Number(process.env.E2E_PORT ?? 3100)
// localhost, not 127.0.0.1: Next builds redirect URLs with it, and the session cookie must match.
const baseURL = `http://localhost:${port}`
const dataDir = `data/e2e-${port}`
// The app sends mail to an SMTP server the run starts (e2e/global-setup.ts); specs read e2e/mail-inbox.ts.
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? port + 1000)
process.env.E2E_SMTP_PORT = String(smtpPort)
// A local OpenID provider (e2e/oidc-server.ts) the OAuth specs sign in against; its button reads "Test SSO".
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? port + 2000)
process.env.E2E_OIDC_PORT = String(oidcPort)
process.env.E2E_APP_ORIGIN = baseURL
const oidcEnv = { AUTH_OIDC_ISSUER: `http://localhost:${oidcPort}`, AUTH_OIDC_ID: 'helpdesk-e2e', AUTH_OIDC_SECRET: 'helpdesk-e2e-secret-not-for-production', AUTH_OIDC_NAME: 'Test SSO' }
// CI points the e2e server at its own database so the domain tests' orgs don't stop the demo seed.
const databaseUrl = process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL
const prepare = databaseUrl
  ? 'npm run -s db:migrate && npm run -s db:seed'
  : `rm -rf ${dataDir} ${dataDir}-uploads` // the embedded database keeps its attachments beside it

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  reporter: [['list'], ['junit', { outputFile: 'test-results/e2e-junit.xml' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    timezoneId: 'Europe/London',
    // The suite reads English; e2e/i18n.spec.ts opens German contexts of its own.
    locale: 'en-US',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage'] },
  },
  webServer: {
    command: `${prepare} && node scripts/ensure-env.mjs && npx next start -p ${port}`,
    url: `${baseURL}/sign-in`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      // Links in mail are built from APP_URL alone (never the request's Host), so it names this server.
      APP_URL: baseURL, PGLITE_DATA_DIR: dataDir, HELPDESK_SEED: 'on', SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_FROM: 'Helpdesk <desk@helpdesk.test>',
      JOB_POLL_MS: '250', ...oidcEnv, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
  },
})
