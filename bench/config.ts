// What the 1M-ticket dataset looks like, shared by the seeder (bench/seed.ts) and the
// HTTP benchmark (bench/run.ts), so the benchmark signs in as accounts that exist.

export const BENCH_PASSWORD = 'bench1234'

/** Ten organisations; the first holds 60 % of tickets, agents and requesters. */
export const ORG_COUNT = 10
export const BIG_SHARE = 0.6
export const AGENTS = 2_000
export const REQUESTERS = 200_000
/** Roughly this many agents per team; team 0 of each org is the restricted (cleared) team. */
export const TEAM_SIZE = 30

export const orgSlug = (k: number) => `org${k}`
/** Known sign-in accounts, in every org: agent index 1 is an ordinary agent, index 0 sits in the restricted team. */
export const accounts = (k: number) => ({
  admin: `bench-admin@org${k}.test`,
  agent: `bench-agent@org${k}.test`,
  cleared: `bench-cleared@org${k}.test`,
  requester: `bench-requester@org${k}.test`,
})

/** The ticket of org 1 that carries 100 comments, for the detail scenario. */
export const DETAIL_TAG = 'bench-100-comments'
export const DETAIL_COMMENTS = 100

export function shareOf(total: number, k: number): number {
  if (k === 1) return Math.round(total * BIG_SHARE)
  const rest = total - Math.round(total * BIG_SHARE)
  const base = Math.floor(rest / (ORG_COUNT - 1))
  // The remainder goes to the last orgs so the shares add up to the total exactly.
  return base + (k > ORG_COUNT - (rest - base * (ORG_COUNT - 1)) ? 1 : 0)
}

/** 24/7 targets in minutes, per priority (the seeder computes deadlines in SQL). */
export const POLICIES = [
  { priority: 'urgent', responseMinutes: 60, resolutionMinutes: 8 * 60 },
  { priority: 'high', responseMinutes: 4 * 60, resolutionMinutes: 24 * 60 },
  { priority: 'normal', responseMinutes: 8 * 60, resolutionMinutes: 48 * 60 },
  { priority: 'low', responseMinutes: 24 * 60, resolutionMinutes: 5 * 24 * 60 },
] as const

export const CATEGORIES = [
  { name: 'Network outage' }, { name: 'Hardware' }, { name: 'Software' }, { name: 'Access request' },
  { name: 'Billing' }, { name: 'Field visit' }, { name: 'Installation' }, { name: 'Safeguarding', sensitive: true },
]
