import Link from 'next/link'

export default function NotFound() {
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-lg px-4 py-24 text-center">
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Page not found</h1>
      <p className="mt-3 text-slate-600">There is nothing here, or you don&apos;t have access to it.</p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-indigo-600 hover:underline">Back to your helpdesk</Link>
    </main>
  )
}
