import type { TicketPriority } from '@/db/enums'

// Client-safe and pure: the one matcher behind routing new tickets, "Auto-assign" and the
// rule editor's preview, so what the preview says is what routing does.

export type RuleLike = {
  id: string
  name: string
  active: boolean
  teamId: string
  categoryId: string | null
  priorities: TicketPriority[]
  keywords: string[]
  requesterDomains: string[]
}
export type TeamLike = { id: string; name: string; restricted: boolean }

export type TicketFacts = {
  title: string
  description: string
  categoryId: string | null
  priority: TicketPriority
  requesterEmail: string | null
  sensitive: boolean
}

export type Condition = 'category' | 'priority' | 'keywords' | 'domain'
export type RuleEvaluation = {
  ruleId: string
  /** Conditions that did not hold; empty when the rule matches. */
  failed: Condition[]
  /** Matched, but passed over: inactive, or a sensitive ticket and a team that is not restricted. */
  skipped?: 'inactive' | 'not_restricted'
}

export type RouteDecision = {
  rule: RuleLike | null
  team: TeamLike | null
  /** `rule`: the first rule that applies; `sensitive_fallback`: a sensitive ticket matched only rules for open teams. */
  via: 'rule' | 'sensitive_fallback' | 'none'
  evaluations: RuleEvaluation[]
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Whole words or phrases, case-insensitive: "vpn" matches "VPN drops" but "pot" does not match "spot". */
export function containsKeyword(text: string, keyword: string): boolean {
  const k = keyword.trim()
  if (!k) return false
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRe(k)}($|[^\\p{L}\\p{N}])`, 'iu').test(text)
}

/** `sub.acme.test` is inside `acme.test`; `notacme.test` is not. */
export function emailInDomain(email: string | null, domain: string): boolean {
  if (!email) return false
  const host = email.slice(email.lastIndexOf('@') + 1).toLowerCase()
  const d = domain.trim().toLowerCase().replace(/^@/, '')
  return !!d && (host === d || host.endsWith(`.${d}`))
}

export function failedConditions(rule: RuleLike, t: TicketFacts): Condition[] {
  const failed: Condition[] = []
  if (rule.categoryId && rule.categoryId !== t.categoryId) failed.push('category')
  if (rule.priorities.length && !rule.priorities.includes(t.priority)) failed.push('priority')
  const text = `${t.title}\n${t.description}`
  if (rule.keywords.length && !rule.keywords.some((k) => containsKeyword(text, k))) failed.push('keywords')
  if (rule.requesterDomains.length && !rule.requesterDomains.some((d) => emailInDomain(t.requesterEmail, d))) failed.push('domain')
  return failed
}

/**
 * The first active rule, in order, whose conditions all hold decides the team; no match, no
 * routing. A sensitive ticket only ever goes to a restricted team: a matching rule for any
 * other team is passed over, the next matching rule for a restricted team wins, and if there
 * is none the ticket goes to the first restricted team (`teams` in their stable order). With
 * no restricted team at all it stays unrouted, in the unassigned queue for admins and
 * cleared agents.
 */
export function pickRoute(rules: RuleLike[], teams: TeamLike[], t: TicketFacts): RouteDecision {
  const byId = new Map(teams.map((x) => [x.id, x]))
  const evaluations: RuleEvaluation[] = []
  let chosen: { rule: RuleLike; team: TeamLike } | null = null
  let passedOver = false
  for (const rule of rules) {
    const team = byId.get(rule.teamId)
    if (!team) continue
    const ev: RuleEvaluation = { ruleId: rule.id, failed: failedConditions(rule, t) }
    if (ev.failed.length === 0 && !chosen) {
      if (!rule.active) ev.skipped = 'inactive'
      else if (t.sensitive && !team.restricted) {
        ev.skipped = 'not_restricted'
        passedOver = true
      } else chosen = { rule, team }
    }
    evaluations.push(ev)
  }
  if (chosen) return { ...chosen, via: 'rule', evaluations }
  const fallback = passedOver ? teams.find((x) => x.restricted) : undefined
  if (fallback) return { rule: null, team: fallback, via: 'sensitive_fallback', evaluations }
  return { rule: null, team: null, via: 'none', evaluations }
}

export const conditionLabels: Record<Condition, string> = {
  category: 'category', priority: 'priority', keywords: 'keywords', domain: 'requester domain',
}
