/** The list's place while it loads: inside the page's Suspense boundary, after the view is known. */
export function ListSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading" className="animate-pulse space-y-3">
      <div className="h-8 w-48 rounded bg-slate-200" />
      <div className="h-10 rounded bg-slate-200" />
      {Array.from({ length: 8 }, (_, i) => <div key={i} className="h-12 rounded bg-slate-100" />)}
    </div>
  )
}
