import 'server-only'
import { and, asc, eq } from 'drizzle-orm'
import { categories, routingRules, teams, users } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import type { TicketRow } from '@/lib/tickets/internal/load'
import { pickRoute, type TicketFacts } from './match'

/**
 * The org's rules in order and its teams oldest first (the sensitive fallback takes the
 * first restricted one): everything `pickRoute` needs, in two small queries.
 */
export async function loadRouting(tx: DbOrTx, orgId: string) {
  const [rules, teamRows] = await Promise.all([
    tx.select().from(routingRules).where(eq(routingRules.organizationId, orgId)).orderBy(asc(routingRules.position), asc(routingRules.createdAt), asc(routingRules.id)),
    tx.select({ id: teams.id, name: teams.name, restricted: teams.restricted }).from(teams)
      .where(eq(teams.organizationId, orgId)).orderBy(asc(teams.createdAt), asc(teams.name)),
  ])
  return { rules, teams: teamRows }
}

/** What routing sees of a stored ticket. */
export async function factsOf(tx: DbOrTx, ticket: TicketRow): Promise<TicketFacts> {
  const [requester] = await tx.select({ email: users.email }).from(users).where(eq(users.id, ticket.requesterId))
  return factsFrom(ticket, requester?.email ?? null)
}

export function factsFrom(ticket: TicketRow, requesterEmail: string | null): TicketFacts {
  return {
    title: ticket.title, description: ticket.description, categoryId: ticket.categoryId, priority: ticket.priority,
    requesterEmail, sensitive: ticket.sensitive,
  }
}

export async function decideRoute(tx: DbOrTx, orgId: string, facts: TicketFacts) {
  const { rules, teams } = await loadRouting(tx, orgId)
  return pickRoute(rules, teams, facts)
}

/** Whether a category (of this org) makes a ticket sensitive; unknown ids are not sensitive, and match no rule. */
export async function categorySensitive(tx: DbOrTx, orgId: string, categoryId: string | null | undefined): Promise<boolean> {
  if (!categoryId) return false
  const [row] = await tx.select({ sensitive: categories.sensitive }).from(categories)
    .where(and(eq(categories.organizationId, orgId), eq(categories.id, categoryId)))
  return !!row?.sensitive
}
