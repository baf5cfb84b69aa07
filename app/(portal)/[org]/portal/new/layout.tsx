import { ClientMessages } from '@/components/i18n/client-messages'

/** The new-request form's strings (client components from the tickets slice); `common` is always added. */
export default function NewRequestLayout({ children }: { children: React.ReactNode }) {
  return (
    <ClientMessages namespaces={['tickets.ticketForm', 'tickets.requesterPicker', 'tickets.attachmentPicker', 'tickets.useAttachmentGate']}>
      {children}
    </ClientMessages>
  )
}
