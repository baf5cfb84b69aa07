// The teams domain's public verbs, ctx-first (see lib/tickets/index.ts).
export { getTeam, listTeams, teamsOverview, teamUsage, type TeamOverview } from './queries'
export { listTeamMembers, type TeamMemberPage } from './list-team-members'
export { createTeam, updateTeam, deleteTeam } from './manage-teams'
export { addTeamMember, removeTeamMember } from './team-members'
export { searchTeamCandidates } from './candidates'
