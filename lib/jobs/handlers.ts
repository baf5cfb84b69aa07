import 'server-only'
import { deliverMail } from '@/lib/notifications/mailer'
import { deliverWebhook } from '@/lib/notifications/webhook'
import { registerJobHandler } from './runner'

/** Every queue's handler, registered once wherever a worker runs. */
export function registerAllHandlers() {
  registerJobHandler('email', deliverMail)
  registerJobHandler('webhook', deliverWebhook)
}
