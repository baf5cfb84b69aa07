import type { Metadata } from 'next'
import Link from 'next/link'
import { headers } from 'next/headers'
import { NONCE_HEADER } from '@/lib/http/security-headers'
import { operations } from '@/lib/api/v1/openapi'

export const metadata: Metadata = { title: 'REST API v1' }

const curl = (lines: string[]) => lines.join(' \\\n  ')

/**
 * The API's reference: a getting-started guide rendered on the server (readable without
 * JavaScript), every operation in a table, then the interactive reference (Swagger UI,
 * served from this installation) over /api/v1/openapi.json.
 */
export default async function ApiDocsPage() {
  // The page's CSP allows only scripts with this request's nonce (middleware.ts).
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-5xl px-6 py-10">
      <h1 className="text-2xl font-semibold">Helpdesk REST API v1</h1>
      <p className="mt-2 text-slate-600">
        Everything under <code>/api/v1/&lt;org&gt;/…</code> of this installation. The machine-readable description is the{' '}
        <a className="text-blue-700 underline" href="/api/v1/openapi.json">OpenAPI 3.1 document</a>.
      </p>

      <section aria-labelledby="start" className="mt-8 space-y-3">
        <h2 id="start" className="text-lg font-semibold">Getting started</h2>
        <ol className="list-decimal space-y-2 pl-6 text-slate-700">
          <li>An admin creates a token in <strong>Settings → API tokens</strong>: a name, the member it acts as, its scopes and an expiry. The secret is shown once.</li>
          <li>Send it on every request as <code>Authorization: Bearer &lt;token&gt;</code>. A token can do what its member may do and its scopes allow, never more; it sees exactly the tickets its member sees.</li>
          <li>Retry a <code>POST</code> safely with an <code>Idempotency-Key</code> header: the same key answers the first result again (header <code>Idempotent-Replayed: true</code>).</li>
          <li>Updates answer an <code>ETag</code>; send it back as <code>If-Match</code> and a change made by someone else in between answers <code>412</code> instead of being overwritten.</li>
          <li>Lists are keyset-paginated: pass <code>nextCursor</code> as <code>after</code>. Each token may make a number of requests a minute; every answer carries <code>RateLimit-*</code> headers, and <code>429</code> says when to retry.</li>
          <li>Errors are <a className="text-blue-700 underline" href="https://www.rfc-editor.org/rfc/rfc9457">RFC 9457</a> problem details with a stable <code>code</code> and, for invalid input, <code>errors</code> naming every field. A ticket you may not see answers <code>404</code>, exactly as a missing one.</li>
        </ol>
        <pre tabIndex={0} aria-label="Example requests" className="overflow-x-auto rounded bg-slate-900 p-4 text-sm text-slate-100">{`${curl([
          'curl -X POST https://helpdesk.example.org/api/v1/acme/tickets',
          "-H 'Authorization: Bearer hd_…'",
          "-H 'Content-Type: application/json'",
          "-H 'Idempotency-Key: 7b0c…'",
          `-d '{"title":"No internet at the depot","description":"Since 9:00","priority":"high"}'`,
        ])}\n\n${curl([
          'curl https://helpdesk.example.org/api/v1/acme/tickets?status=open,pending&sort=updated',
          "-H 'Authorization: Bearer hd_…'",
        ])}`}</pre>
      </section>

      <section aria-labelledby="ops" className="mt-8">
        <h2 id="ops" className="text-lg font-semibold">Operations ({operations.length})</h2>
        {/* Long paths scroll inside the table's own region on a phone, not the whole page. */}
        <div tabIndex={0} role="region" aria-label="Operations" className="mt-3 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b text-slate-600">
            <tr><th scope="col" className="py-2 pr-4">Method</th><th scope="col" className="py-2 pr-4">Path</th><th scope="col" className="py-2">What it does</th></tr>
          </thead>
          <tbody>
            {operations.map((op) => (
              <tr key={op.operationId} className="border-b last:border-0">
                <td className="py-2 pr-4 font-mono uppercase">{op.method}</td>
                <td className="py-2 pr-4 font-mono">{op.path}</td>
                <td className="py-2">{op.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      </section>

      <section aria-labelledby="reference" className="mt-10">
        <h2 id="reference" className="text-lg font-semibold">Interactive reference</h2>
        {/* Swagger UI's own stylesheet, served from this installation (not a module Next can bundle). */}
        {/* eslint-disable-next-line @next/next/no-css-tags */}
        <link rel="stylesheet" href="/docs/api/assets/swagger-ui.css" />
        {/* Swagger UI owns this element's children: set as raw HTML, React neither hydrates nor
            re-renders them, so a reference drawn before hydration is not wiped by it. */}
        <div id="swagger-ui" className="mt-3" dangerouslySetInnerHTML={{ __html: '<p class="text-slate-600">Loading the reference…</p>' }} />
        <script src="/docs/api/assets/swagger-ui-bundle.js" nonce={nonce} defer />
        <script src="/docs/api/assets/init.js" nonce={nonce} defer />
      </section>
      <p className="mt-10 text-sm text-slate-600"><Link className="underline" href="/">Back to the helpdesk</Link></p>
    </main>
  )
}
