// Inbound email → tickets and replies (issue 16). Started by `npm run mail`, or by the worker with INBOUND_SMTP_PORT.
export { startInboundSmtp } from './server'
export { receiveInboundMail, type InboundOutcome } from './receive-mail'
