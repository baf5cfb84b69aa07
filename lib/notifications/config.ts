export const mailFrom = () => process.env.MAIL_FROM ?? 'Helpdesk <helpdesk@localhost>'

/** The domain of Message-IDs, so a ticket's thread is stable across messages. */
export function mailDomain(): string {
  const m = /@([^>\s]+)/.exec(mailFrom())
  return m?.[1] ?? 'localhost'
}

/** The thread root every message about a ticket refers to. */
export const ticketThreadId = (ticketId: string) => `<ticket-${ticketId}@${mailDomain()}>`
