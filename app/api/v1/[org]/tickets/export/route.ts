import { apiRoute } from '@/lib/api/v1/route'
import { exportTicketsOp } from '@/lib/api/v1/export'

// Thin adapter: the operation lives in lib/api/v1 (documented in /api/v1/openapi.json).
export const GET = apiRoute(exportTicketsOp)
