import { describe, expect, it } from 'vitest'
import { containsKeyword, emailInDomain, pickRoute, type RuleLike, type TeamLike, type TicketFacts } from './match'

const teams: TeamLike[] = [
  { id: 'desk', name: 'Service Desk', restricted: false },
  { id: 'field', name: 'Field Engineering', restricted: false },
  { id: 'liaison', name: 'Liaison', restricted: true },
  { id: 'child', name: 'Child protection', restricted: true },
]
const rule = (id: string, teamId: string, c: Partial<RuleLike> = {}): RuleLike => ({
  id, name: id, active: true, teamId, categoryId: null, priorities: [], keywords: [], requesterDomains: [], ...c,
})
const ticket = (t: Partial<TicketFacts> = {}): TicketFacts => ({
  title: 'Printer jams', description: 'On every job', categoryId: null, priority: 'normal', requesterEmail: 'rita@acme.test', sensitive: false, ...t,
})

describe('conditions', () => {
  it('keywords match whole words and phrases, case-insensitively, in title or description', () => {
    expect(containsKeyword('VPN drops every 10 minutes', 'vpn')).toBe(true)
    expect(containsKeyword('The spot is dark', 'pot')).toBe(false)
    expect(containsKeyword('wi-fi on floor 3', 'Wi-Fi')).toBe(true)
    expect(containsKeyword('Straße gesperrt', 'straße')).toBe(true)
    expect(containsKeyword('power outage in building', 'power outage')).toBe(true)
    expect(containsKeyword('a (b) c', '(b)')).toBe(true)
    expect(containsKeyword('anything', '  ')).toBe(false)
  })

  it('a requester domain includes its subdomains but not look-alikes', () => {
    expect(emailInDomain('a@acme.test', 'acme.test')).toBe(true)
    expect(emailInDomain('a@Sales.ACME.test', '@acme.test')).toBe(true)
    expect(emailInDomain('a@notacme.test', 'acme.test')).toBe(false)
    expect(emailInDomain('a@acme.test.evil.org', 'acme.test')).toBe(false)
    expect(emailInDomain(null, 'acme.test')).toBe(false)
  })

  it('every condition of a rule must hold; an empty one matches anything', () => {
    const r = rule('r', 'field', { categoryId: 'hw', priorities: ['high', 'urgent'], keywords: ['printer'], requesterDomains: ['acme.test'] })
    expect(pickRoute([r], teams, ticket({ categoryId: 'hw', priority: 'urgent' })).team?.id).toBe('field')
    expect(pickRoute([r], teams, ticket({ categoryId: 'hw', priority: 'low' })).evaluations[0].failed).toEqual(['priority'])
    expect(pickRoute([r], teams, ticket({ categoryId: 'sw', priority: 'low', title: 'x', description: 'y', requesterEmail: 'a@b.org' })).evaluations[0].failed)
      .toEqual(['category', 'priority', 'keywords', 'domain'])
    expect(pickRoute([rule('any', 'desk')], teams, ticket()).team?.id).toBe('desk')
  })
})

describe('pickRoute', () => {
  it('the first matching rule in order wins; later ones are not consulted', () => {
    const rules = [rule('a', 'desk', { keywords: ['vpn'] }), rule('b', 'field', { keywords: ['printer'] }), rule('c', 'desk')]
    expect(pickRoute(rules, teams, ticket()).rule?.id).toBe('b')
    expect(pickRoute([rules[2], rules[1]], teams, ticket()).rule?.id).toBe('c')
    expect(pickRoute(rules, teams, ticket({ title: 'VPN and printer' })).rule?.id).toBe('a')
  })

  it('inactive rules and rules for deleted teams are passed over', () => {
    const rules = [rule('off', 'field', { active: false }), rule('gone', 'nope'), rule('on', 'desk')]
    const d = pickRoute(rules, teams, ticket())
    expect(d.rule?.id).toBe('on')
    expect(d.evaluations.find((e) => e.ruleId === 'off')?.skipped).toBe('inactive')
  })

  it('no match: no team', () => {
    expect(pickRoute([rule('a', 'desk', { keywords: ['vpn'] })], teams, ticket())).toMatchObject({ team: null, rule: null, via: 'none' })
    expect(pickRoute([], teams, ticket({ sensitive: true }))).toMatchObject({ team: null, via: 'none' })
  })

  it('a sensitive ticket only reaches restricted teams: open teams are passed over, then the first restricted team', () => {
    const rules = [rule('all', 'desk'), rule('child', 'child', { keywords: ['school'] }), rule('fallthrough', 'field')]
    // The next matching rule for a restricted team wins over the open team that matched first.
    const viaRule = pickRoute(rules, teams, ticket({ sensitive: true, title: 'Incident at school' }))
    expect(viaRule).toMatchObject({ via: 'rule', team: { id: 'child' } })
    expect(viaRule.evaluations[0].skipped).toBe('not_restricted')
    // Only open teams match: the first restricted team (teams in their stable order).
    expect(pickRoute(rules, teams, ticket({ sensitive: true }))).toMatchObject({ via: 'sensitive_fallback', team: { id: 'liaison' }, rule: null })
    // Without any restricted team it stays unrouted, for admins.
    expect(pickRoute(rules, teams.filter((t) => !t.restricted), ticket({ sensitive: true }))).toMatchObject({ via: 'none', team: null })
    // The same rules route a plain ticket normally.
    expect(pickRoute(rules, teams, ticket()).team?.id).toBe('desk')
  })
})
