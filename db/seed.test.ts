import { describe, expect, it } from 'vitest'
import { and, count, eq } from 'drizzle-orm'
import { getDb } from './client'
import { organizations, routingRules, teamMembers, teams, tickets, comments } from './schema'
import { seedIfEmpty } from './seed'
import { verifyAllChains } from '@/lib/audit/verify'
import { slaStatusSql } from '@/lib/sla/status-sql'

describe('demo data', () => {
  it('seeds both organisations with ~40 tickets in every status, once', async () => {
    const db = await getDb()
    // Skip when a shared server already holds organisations from other tests.
    const [before] = await db.select({ n: count() }).from(organizations)
    if (before.n > 0 && process.env.DATABASE_URL) return
    expect(await seedIfEmpty(db)).toBe(true)
    expect(await seedIfEmpty(db)).toBe(false)
    for (const slug of ['acme', 'metro']) {
      const [org] = await db.select().from(organizations).where(eq(organizations.slug, slug))
      const rows = await db.select({ status: tickets.status, n: count() }).from(tickets)
        .where(eq(tickets.organizationId, org.id)).groupBy(tickets.status)
      expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['new', 'open', 'in_progress', 'pending', 'on_hold', 'resolved', 'closed', 'cancelled']))
      expect(rows.reduce((a, r) => a + r.n, 0)).toBeGreaterThanOrEqual(40)
      const [notes] = await db.select({ n: count() }).from(comments).where(eq(comments.internal, true))
      expect(notes.n).toBeGreaterThan(0)
      // Every SLA state shows in the demo list.
      const sla = await db.selectDistinct({ s: slaStatusSql }).from(tickets).where(eq(tickets.organizationId, org.id))
      expect(new Set(sla.map((r) => r.s))).toEqual(new Set([null, 'on_track', 'at_risk', 'breached_response', 'breached_resolution', 'paused', 'met']))
    }
    // §6 demo: acme's two teams have members and rules; metro's sensitive reports all sit with Liaison.
    const [acme] = await db.select().from(organizations).where(eq(organizations.slug, 'acme'))
    const acmeTeams = await db.select({ name: teams.name, members: count(teamMembers.userId) }).from(teams)
      .leftJoin(teamMembers, and(eq(teamMembers.organizationId, teams.organizationId), eq(teamMembers.teamId, teams.id)))
      .where(eq(teams.organizationId, acme.id)).groupBy(teams.id, teams.name).orderBy(teams.name)
    expect(acmeTeams).toEqual([{ name: 'Field Engineering', members: 2 }, { name: 'Service Desk', members: 3 }])
    expect((await db.select().from(routingRules).where(eq(routingRules.organizationId, acme.id))).length).toBe(4)
    const [metro] = await db.select().from(organizations).where(eq(organizations.slug, 'metro'))
    const sensitive = await db.select({ team: teams.name, restricted: teams.restricted }).from(tickets)
      .leftJoin(teams, and(eq(teams.organizationId, tickets.organizationId), eq(teams.id, tickets.teamId)))
      .where(and(eq(tickets.organizationId, metro.id), eq(tickets.sensitive, true)))
    expect(sensitive.length).toBeGreaterThan(0)
    expect(sensitive.every((r) => r.team === 'Liaison' && r.restricted)).toBe(true)
    const chains = await verifyAllChains(db)
    expect(chains.filter((c) => !c.ok)).toEqual([])
  })
})
