import { apiRoute } from '@/lib/api/v1/route'
import { listAttachmentsOp } from '@/lib/api/v1/tickets'

// Thin adapter: the operation lives in lib/api/v1 (documented in /api/v1/openapi.json).
export const GET = apiRoute(listAttachmentsOp)
