import { ClientMessages } from '@/components/i18n/client-messages'

/** The catalogue sub-trees the list's client components use (filters, table, bulk bar, views, export). */
const namespaces = [
  'tickets.ticketFilters', 'tickets.assigneePicker', 'tickets.ticketTable', 'tickets.badges', 'tickets.slaBadge', 'tickets.searchSnippet',
  'tickets.tagLink', 'tickets.selectColumn', 'tickets.bulkSelection', 'tickets.bulkBar', 'tickets.bulkResults', 'tickets.exportDialog',
  'tickets.columnsMenu', 'tickets.saveViewButton', 'tickets.viewActionsMenu',
]

export default function TicketListLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={namespaces}>{children}</ClientMessages>
}
