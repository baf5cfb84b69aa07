// The API tokens domain's public verbs, ctx-first (see lib/tickets/index.ts).
export { createApiToken, listApiTokens, revokeApiToken, type ApiTokenRow } from './tokens'
