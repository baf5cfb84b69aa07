// A plain link: the not-found page has no params, and "tickets" relative to /<org>/tickets is the list.

/** The list's only 404: a `?view=` that is missing, deleted or not shared with this person. */
export default function ViewNotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold">View not found</h1>
      <p className="mt-3 text-slate-600">That view was deleted, or it is not shared with you.</p>
      <a href="tickets" className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:underline">Show all tickets</a>
    </div>
  )
}
