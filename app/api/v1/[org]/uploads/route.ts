import { apiRoute } from '@/lib/api/v1/route'
import { uploadOp } from '@/lib/api/v1/tickets'

// Thin adapter: the operation lives in lib/api/v1 (documented in /api/v1/openapi.json).
export const dynamic = 'force-dynamic'
export const POST = apiRoute(uploadOp, { rawBody: true })
