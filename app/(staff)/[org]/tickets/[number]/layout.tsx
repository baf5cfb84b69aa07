import { ClientMessages } from '@/components/i18n/client-messages'
import { visibleTicketOr404 } from '@/lib/pages/guard'

/** The catalogue sub-trees the ticket page's client components use. */
const namespaces = [
  'tickets.assignForm', 'tickets.assigneePicker', 'tickets.conversationList', 'tickets.attachmentList', 'tickets.editTicketForm', 'tickets.mergeForm',
  'tickets.replyForm', 'tickets.cannedReplyPicker', 'tickets.sendAnyway', 'tickets.attachmentPicker', 'tickets.useAttachmentGate', 'tickets.ticketPresence',
  'tickets.statusActions', 'tickets.tagsControl', 'tickets.tagLink', 'tickets.followToggle', 'tickets.ccControl', 'tickets.acceptance', 'tickets.autoAssignButton',
]

// The visibility check runs here, outside the page's loading boundary, so a missing or
// hidden ticket gets a real 404 status before anything is streamed (§6, issue 12).
export default async function TicketLayout({ params, children }: { params: Promise<{ org: string; number: string }>; children: React.ReactNode }) {
  const { org, number } = await params
  await visibleTicketOr404(org, number)
  return <ClientMessages namespaces={namespaces}>{children}</ClientMessages>
}
