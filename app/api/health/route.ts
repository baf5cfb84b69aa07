import { NextResponse } from 'next/server'
import { checkDatabase } from '@/lib/health'

// Always a live check, never a cached response.
export const dynamic = 'force-dynamic'

export async function GET() {
  try {
    await checkDatabase()
    return NextResponse.json({ ok: true }, { headers: { 'cache-control': 'no-store' } })
  } catch (err) {
    // The reason goes to the server log only; the probe just needs the status.
    console.error('health check failed', err)
    return NextResponse.json({ ok: false }, { status: 503, headers: { 'cache-control': 'no-store' } })
  }
}
