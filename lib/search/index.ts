// The search domain's public verbs, ctx-first (see lib/tickets/index.ts). The list's search
// itself runs inside listTickets; the predicate builders here are steps of it.
export { setSearchLanguage, getSearchSettings, type SearchSettings } from './language'
