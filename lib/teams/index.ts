// The teams domain's public verbs, ctx-first (see lib/tickets/index.ts).
export { listTeams, teamUsage } from './queries'
export { createTeam, updateTeam, deleteTeam } from './manage-teams'
export { addTeamMember, removeTeamMember } from './team-members'
export { searchTeamCandidates } from './candidates'
