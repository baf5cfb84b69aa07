import { ClientMessages } from '@/components/i18n/client-messages'

/** The catalogue sub-trees the new-ticket form uses (its requester picker and attachments too). */
const namespaces = ['tickets.ticketForm', 'tickets.requesterPicker', 'tickets.attachmentPicker', 'tickets.useAttachmentGate']

export default function NewTicketLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={namespaces}>{children}</ClientMessages>
}
