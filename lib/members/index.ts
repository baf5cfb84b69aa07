// The members domain's public verbs, ctx-first (see lib/tickets/index.ts).
export { listMembers, addMember, changeRole, setMemberActive } from './members'
export { searchMembers, memberCounts } from './search-members'
export { searchCallers, addCaller } from './callers'
