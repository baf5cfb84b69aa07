// `npm run mail`: the inbound SMTP listener (issue 16) as its own process. Mail for
// <org-slug>@INBOUND_DOMAIN opens tickets; replies thread onto them. Port: INBOUND_SMTP_PORT (2525).
import { closeDb } from '@/db/client'
import { startInboundSmtp } from '@/lib/inbound'
import { inboundDomain } from '@/lib/inbound/policy'

async function main() {
  const port = Number(process.env.INBOUND_SMTP_PORT ?? 2525)
  const smtp = await startInboundSmtp({ port, host: process.env.INBOUND_SMTP_HOST })
  console.log(`Inbound mail: listening on port ${smtp.port} for <org>@${inboundDomain()}. Ctrl-C to stop.`)
  const stop = async () => { await smtp.close(); await closeDb(); process.exit(0) }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
main().catch((err) => { console.error(err); process.exit(1) })
