import { z } from 'zod'
import { assignmentStrategies, type AssignmentStrategy } from '@/db/enums'
import { checkbox } from '@/lib/tickets/schemas'

// Client-safe: the team forms validate with these in the browser, the domain on the server.

export const TEAM_NAME_MAX = 80
export { assignmentStrategies, type AssignmentStrategy }

export const strategyLabels: Record<(typeof assignmentStrategies)[number], string> = {
  round_robin: 'Round-robin',
  least_open: 'Fewest open tickets',
  manual: 'Manual (team queue only)',
}

const name = z.string().trim().min(1, 'Enter a team name').max(TEAM_NAME_MAX, `Keep the name under ${TEAM_NAME_MAX} characters`)
const strategy = z.enum(assignmentStrategies, { errorMap: () => ({ message: 'Choose how tickets are handed out' }) })
const teamId = z.string().uuid('Unknown team')

export const CreateTeamInput = z.object({ name, restricted: checkbox.default(false), field: checkbox.default(false), assignmentStrategy: strategy.default('round_robin') })
export const UpdateTeamInput = z.object({ teamId, name, restricted: checkbox.default(false), field: checkbox.default(false), assignmentStrategy: strategy })
export const TeamRefInput = z.object({ teamId })
export const TeamMemberInput = z.object({ teamId, userId: z.string().uuid('Choose a person') })

/** The "add member" type-ahead: `?team=&q=`. */
export const TeamCandidateSearch = z.object({
  team: teamId,
  q: z.string().trim().max(100, 'Search for at most 100 characters').default(''),
})

/** One page of a team's members on its settings page. */
export const TEAM_MEMBERS_PAGE_SIZE = 50

/**
 * A team member page's query (`?q=&after=`, from the address bar): a value that does not fit
 * is dropped (the unfiltered first page), never a crashed page. `limit` is for callers in code.
 */
export const TeamMemberListQuery = z.object({
  q: z.string().trim().max(100).catch(''),
  after: z.string().max(600).optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(200).default(TEAM_MEMBERS_PAGE_SIZE).catch(TEAM_MEMBERS_PAGE_SIZE),
})
