import { startInbox } from './mail-inbox'
import { startOidcProvider } from './oidc-server'

/** Starts the run's SMTP server and OpenID provider; the returned function stops them when the run ends. */
export default async function globalSetup() {
  const stopInbox = await startInbox()
  const oidc = await startOidcProvider(Number(process.env.E2E_OIDC_PORT), process.env.E2E_APP_ORIGIN!)
  return async () => {
    oidc.close()
    await stopInbox()
  }
}
