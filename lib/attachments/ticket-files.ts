import 'server-only'
import type { Ctx } from '@/lib/auth/ctx-type'
import { attachmentLimits } from './limits'
import { attachmentTimeline, ticketAttachments, type AttachmentTimelineEntry, type AttachmentView } from './list-attachments'

/** What a ticket page needs about files: the description's, each comment's, their timeline entries and the upload limit. */
export async function ticketFiles(ctx: Ctx, ticketId: string) {
  const [list, events] = await Promise.all([ticketAttachments(ctx, ticketId), attachmentTimeline(ctx, ticketId)])
  const byComment: Record<string, AttachmentView[]> = {}
  const description: AttachmentView[] = []
  for (const a of list) {
    if (a.commentId) (byComment[a.commentId] ??= []).push(a)
    else description.push(a)
  }
  return { byComment, description, events, maxFileBytes: attachmentLimits(ctx.org.settings).maxFileBytes }
}

/** Merges the file events into a ticket's timeline, in time order. */
export function withFileEvents<T extends { at: Date }>(timeline: T[], events: AttachmentTimelineEntry[]): (T | AttachmentTimelineEntry)[] {
  return [...timeline, ...events].sort((a, b) => a.at.getTime() - b.at.getTime())
}
