'use client'

// The last boundary: an error in the root layout itself (app/error.tsx covers the pages).
// It replaces the whole document, so it brings its own <html> and stays plain.
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', textAlign: 'center', padding: '6rem 1rem' }}>
        <h1>Something went wrong</h1>
        <p>The helpdesk could not load this page just now. Nothing you entered was lost on our side; please try again in a moment.</p>
        <button onClick={reset}>Try again</button>
      </body>
    </html>
  )
}
