import type { Metadata } from 'next'
import Link from 'next/link'

export const metadata: Metadata = { title: 'Check your email' }

export default function CheckEmailPage() {
  return (
    <main id="main" tabIndex={-1} className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg bg-white p-6 text-center shadow-sm ring-1 ring-slate-200">
        <h1 className="text-xl font-semibold">Check your email</h1>
        <p className="mt-2 text-sm text-slate-600">
          If that address belongs to an account, a sign-in link is on its way. It works once and expires in 15 minutes.
        </p>
        <Link href="/sign-in" className="mt-4 inline-block text-sm font-medium text-indigo-700 hover:underline">Back to sign-in</Link>
      </div>
    </main>
  )
}
