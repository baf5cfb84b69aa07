import { ClientMessages } from '@/components/i18n/client-messages'

// The manager (server) renders these client components from components/canned-replies (the tickets namespace).
export default function CannedRepliesLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['tickets.cannedReplyForm', 'tickets.editCannedReplyButton']}>{children}</ClientMessages>
}
