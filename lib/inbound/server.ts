import 'server-only'
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server'
import { simpleParser } from 'mailparser'
import { inboundMaxBytes, parseInboundAddress } from './policy'
import { receiveInboundMail, type InboundOutcome } from './receive-mail'

type Log = (line: string) => void
const smtpError = (message: string, responseCode: number) => Object.assign(new Error(message), { responseCode })

/**
 * The inbound SMTP listener (issue 16): accepts mail for `<org>[+<number>]@INBOUND_DOMAIN`
 * only, up to INBOUND_MAX_BYTES, without authentication (it is the destination, like any MX).
 * Each recipient is handled on its own; a refusal is a 550 during the session, so the
 * sender's server reports it and we never send bounces ourselves (no backscatter).
 */
export async function startInboundSmtp(opts: { port: number; host?: string; log?: Log; onOutcome?: (o: InboundOutcome) => void }) {
  const log = opts.log ?? ((l) => console.log(l))
  const size = inboundMaxBytes()
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['AUTH', 'STARTTLS'], logger: false, size, banner: 'helpdesk inbound',
    onRcptTo(address, _session, cb) {
      if (!parseInboundAddress(address.address)) return cb(smtpError(`${address.address}: no such mailbox here`, 550))
      cb()
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, cb) {
      simpleParser(stream, { maxHtmlLengthToParse: 2_000_000 }).then(async (mail) => {
        if (stream.sizeExceeded) return cb(smtpError(`Message is larger than ${size} bytes`, 552))
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : ''
        const refusals: string[] = []
        for (const rcpt of session.envelope.rcptTo) {
          const outcome = await receiveInboundMail(mail, { from, to: rcpt.address })
          opts.onOutcome?.(outcome)
          log(`inbound ${from || '<>'} → ${rcpt.address}: ${describe(outcome)}`)
          if (outcome.kind === 'refused') refusals.push(outcome.reason)
        }
        cb(refusals.length ? smtpError(refusals.join('; '), 550) : null)
      }).catch((err) => {
        log(`inbound: could not take a message: ${err instanceof Error ? err.message : err}`)
        cb(smtpError('Temporary failure, try again later', 451))
      })
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject)
    server.listen(opts.port, opts.host ?? '0.0.0.0', () => resolve())
  })
  const address = server.server.address()
  return {
    port: typeof address === 'object' && address ? address.port : opts.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

function describe(o: InboundOutcome): string {
  switch (o.kind) {
    case 'created': return `opened ticket ${o.org} #${o.number}`
    case 'replied': return `replied on ${o.org} #${o.number}`
    case 'dropped': return `dropped (${o.reason})`
    case 'refused': return `refused (${o.reason})`
  }
}
