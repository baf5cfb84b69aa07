import type { Ctx } from '@/lib/auth/ctx'
import { verifyMyOrgChain } from '@/lib/audit'

/** Recomputes the org's hash chain (§9); streamed in so a long chain does not hold up the table. */
export async function ChainStatus({ ctx }: { ctx: Ctx }) {
  const r = await verifyMyOrgChain(ctx)
  if (r.ok) {
    return (
      <p role="status" className="flex items-center gap-2 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">
        <span aria-hidden>✓</span>
        <span><span className="font-semibold">Chain intact</span> — {r.checked.toLocaleString('en')} event{r.checked === 1 ? '' : 's'} verified</span>
      </p>
    )
  }
  return (
    <div role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-rose-200">
      <p><span className="font-semibold">Broken at event #{r.brokenAt?.seq}</span>: {r.brokenAt?.reason}</p>
      <p className="mt-1 text-rose-700">
        {r.checked.toLocaleString('en')} earlier event{r.checked === 1 ? '' : 's'} verified. The log may have been altered outside the app; run <code className="font-mono">npm run audit:verify</code> on the server and investigate before trusting later entries.
      </p>
    </div>
  )
}

export function ChainStatusPending() {
  return (
    <p aria-busy="true" className="flex items-center gap-2 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600 ring-1 ring-slate-200">
      <span aria-hidden className="h-3.5 w-3.5 animate-spin rounded-full border-2 border-current border-t-transparent" />
      Verifying the audit chain…
    </p>
  )
}
