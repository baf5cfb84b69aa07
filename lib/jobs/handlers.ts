import 'server-only'
import { deliverMail } from '@/lib/notifications/mailer'
import { deliverWebhook } from '@/lib/notifications/webhook'
import { currentWebhookPayload } from '@/lib/notifications/recheck'
import { autoCloseResolved, AUTO_CLOSE_EVERY_MS } from '@/lib/tickets/auto-close'
import { sweepSla, SLA_SWEEP_EVERY_MS } from '@/lib/sla/sweep'
import { CLEANUP_EVERY_MS, CLEANUP_QUEUE, purgeStoredFiles, removeExpiredUploads } from '@/lib/attachments/cleanup'
import { PURGE_QUEUE } from '@/lib/attachments/delete-attachment'
import { REINDEX_QUEUE, reindexBatch } from '@/lib/search/reindex'
import { refreshDirtyRollups, ROLLUP_EVERY_MS, ROLLUP_QUEUE } from '@/lib/insight/rollups'
import { registerJobHandler } from './runner'

/** Every queue's handler, registered once wherever a worker runs. */
export function registerAllHandlers() {
  registerJobHandler('email', deliverMail)
  // The ticket is read again before sending: one made sensitive while the job waited goes out without its content.
  registerJobHandler('webhook', async (job, db) => deliverWebhook({ ...job, payload: await currentWebhookPayload(db, job.organizationId, job.payload) }, db))
  registerJobHandler('tickets.auto_close', async (_job, db) => {
    await autoCloseResolved(db)
    return { rescheduleAt: new Date(Date.now() + AUTO_CLOSE_EVERY_MS) }
  })
  registerJobHandler('sla.sweep', async (_job, db) => {
    await sweepSla(db)
    return { rescheduleAt: new Date(Date.now() + SLA_SWEEP_EVERY_MS) }
  })
  registerJobHandler(PURGE_QUEUE, purgeStoredFiles)
  registerJobHandler(REINDEX_QUEUE, (job, db) => reindexBatch(job, db))
  registerJobHandler(CLEANUP_QUEUE, async (_job, db) => {
    await removeExpiredUploads(db)
    return { rescheduleAt: new Date(Date.now() + CLEANUP_EVERY_MS) }
  })
  registerJobHandler(ROLLUP_QUEUE, async (_job, db) => {
    await refreshDirtyRollups(db)
    return { rescheduleAt: new Date(Date.now() + ROLLUP_EVERY_MS) }
  })
}

/** The sweeps every deployment runs; created once, whichever worker starts first. */
export const recurringQueues = ['tickets.auto_close', 'sla.sweep', CLEANUP_QUEUE, ROLLUP_QUEUE]
