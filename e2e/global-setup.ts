import { startInbox } from './mail-inbox'

/** Starts the run's SMTP server; the returned function stops it when the run ends. */
export default async function globalSetup() {
  return startInbox()
}
