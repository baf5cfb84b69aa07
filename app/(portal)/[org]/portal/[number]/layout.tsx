import { ClientMessages } from '@/components/i18n/client-messages'
import { visibleTicketOr404 } from '@/lib/pages/guard'

// The client components the requester's ticket page renders (a nested ClientMessages replaces
// the root one, so all of them are named here; `common` is always added).
const messages = [
  'portal.surveyForm', 'tickets.statusActions', 'tickets.attachmentList', 'tickets.conversationList', 'tickets.replyForm',
  'tickets.sendAnyway', 'tickets.attachmentPicker', 'tickets.useAttachmentGate', 'tickets.ccControl',
]

// The visibility check runs here, outside the page's loading boundary, so a missing or
// hidden ticket gets a real 404 status before anything is streamed (§6, issue 12).
export default async function TicketLayout({ params, children }: { params: Promise<{ org: string; number: string }>; children: React.ReactNode }) {
  const { org, number } = await params
  await visibleTicketOr404(org, number)
  return <ClientMessages namespaces={messages}>{children}</ClientMessages>
}
