import fs from 'node:fs'
import path from 'node:path'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

// One SMTP server for the whole run (started by global-setup.ts in the runner process), so
// specs in parallel workers can all read mail without fighting over the port. Each message
// is written to a file that any worker reads.
const dir = () => path.join('data', `e2e-smtp-${process.env.E2E_SMTP_PORT}-inbox`)

export type Mail = { to: string[]; subject: string; text: string }

export async function startInbox(): Promise<() => Promise<void>> {
  fs.rmSync(dir(), { recursive: true, force: true })
  fs.mkdirSync(dir(), { recursive: true })
  let n = 0
  const smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
    onData(stream, session, done) {
      simpleParser(stream).then((mail) => {
        const record: Mail = { to: session.envelope.rcptTo.map((r) => r.address), subject: mail.subject ?? '', text: mail.text ?? '' }
        const file = path.join(dir(), `${Date.now()}-${n++}.json`)
        fs.writeFileSync(`${file}.tmp`, JSON.stringify(record))
        fs.renameSync(`${file}.tmp`, file) // readers never see half a file
        done()
      }, done)
    },
  })
  await new Promise<void>((resolve, reject) => {
    smtp.server.once('error', reject)
    smtp.listen(Number(process.env.E2E_SMTP_PORT), '127.0.0.1', () => resolve())
  })
  return () => new Promise<void>((resolve) => smtp.close(() => resolve()))
}

/** Every message received so far in this run, oldest first. */
export function inbox(): Mail[] {
  if (!fs.existsSync(dir())) return []
  return fs.readdirSync(dir()).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir(), f), 'utf8')) as Mail)
}
