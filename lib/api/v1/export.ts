import 'server-only'
import { csvHeaders, exportTickets } from '@/lib/tickets'
import { ValidationError } from '@/lib/errors'
import { parseSearch } from '@/lib/search/query'
import type { ApiResult } from '@/lib/api/result'
import type { ApiCall } from './route'
import { ApiExportQuery } from './schemas'

/** GET /api/v1/{org}/tickets/export: the list's filters as a streamed CSV (staff). */
export async function exportTicketsOp({ ctx, query }: ApiCall<{ org: string }>): Promise<ApiResult> {
  const { columns, tz, ...filters } = ApiExportQuery.parse(Object.fromEntries(query))
  // As for the list: an integration gets a 422 for a bad search token rather than a quietly wider export.
  const search = filters.q ? parseSearch(filters.q) : null
  if (search && !search.ok) throw new ValidationError('The search has invalid tokens', { q: search.errors.map((e) => `${e.token}: ${e.message}`) })
  const { filename, stream } = await exportTickets(ctx, { query: filters as Record<string, string>, columns }, { timeZone: tz ?? ctx.org.settings.timezone })
  return { status: 200, body: null, stream, headers: csvHeaders(filename) }
}
