import type { Metadata } from 'next'
import Link from 'next/link'
import { headers } from 'next/headers'
import { getTranslations } from 'next-intl/server'
import { NONCE_HEADER } from '@/lib/http/security-headers'
import { operations } from '@/lib/api/v1/openapi'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth.apiPage'))('title') }
}

const curl = (lines: string[]) => lines.join(' \\\n  ')

/**
 * The API's reference: a getting-started guide rendered on the server (readable without
 * JavaScript), every operation in a table, then the interactive reference (Swagger UI,
 * served from this installation) over /api/v1/openapi.json.
 */
export default async function ApiDocsPage() {
  // The page's CSP allows only scripts with this request's nonce (middleware.ts).
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined
  // The page's own words are translated; the API's (operation summaries, the OpenAPI document) stay English.
  const t = await getTranslations('auth.apiPage')
  const rich = { code: (chunks: React.ReactNode) => <code>{chunks}</code>, strong: (chunks: React.ReactNode) => <strong>{chunks}</strong> }
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-5xl px-6 py-10">
      <h1 className="text-2xl font-semibold">{t('heading')}</h1>
      <p className="mt-2 text-slate-600">
        {t.rich('intro', { ...rich, path: '/api/v1/<org>/…', link: (chunks) => <a className="text-blue-700 underline" href="/api/v1/openapi.json">{chunks}</a> })}
      </p>

      <section aria-labelledby="start" className="mt-8 space-y-3">
        <h2 id="start" className="text-lg font-semibold">{t('gettingStarted')}</h2>
        <ol className="list-decimal space-y-2 pl-6 text-slate-700">
          <li>{t.rich('step1', rich)}</li>
          <li>{t.rich('step2', { ...rich, header: 'Authorization: Bearer <token>' })}</li>
          <li>{t.rich('step3', rich)}</li>
          <li>{t.rich('step4', rich)}</li>
          <li>{t.rich('step5', rich)}</li>
          <li>{t.rich('step6', { ...rich, link: (chunks) => <a className="text-blue-700 underline" href="https://www.rfc-editor.org/rfc/rfc9457">{chunks}</a> })}</li>
        </ol>
        <pre tabIndex={0} aria-label={t('examples')} className="overflow-x-auto rounded bg-slate-900 p-4 text-sm text-slate-100">{`${curl([
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
        <h2 id="ops" className="text-lg font-semibold">{t('operations', { count: operations.length })}</h2>
        {/* Long paths scroll inside the table's own region on a phone, not the whole page. */}
        <div tabIndex={0} role="region" aria-label={t('operationsRegion')} className="mt-3 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b text-slate-600">
            <tr><th scope="col" className="py-2 pr-4">{t('method')}</th><th scope="col" className="py-2 pr-4">{t('path')}</th><th scope="col" className="py-2">{t('what')}</th></tr>
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
        <h2 id="reference" className="text-lg font-semibold">{t('reference')}</h2>
        {/* Swagger UI's own stylesheet, served from this installation (not a module Next can bundle). */}
        {/* eslint-disable-next-line @next/next/no-css-tags */}
        <link rel="stylesheet" href="/docs/api/assets/swagger-ui.css" />
        {/* Swagger UI owns this element's children: set as raw HTML, React neither hydrates nor
            re-renders them, so a reference drawn before hydration is not wiped by it. */}
        <div id="swagger-ui" className="mt-3" dangerouslySetInnerHTML={{ __html: `<p class="text-slate-600">${t('loading')}</p>` }} />
        <script src="/docs/api/assets/swagger-ui-bundle.js" nonce={nonce} defer />
        <script src="/docs/api/assets/init.js" nonce={nonce} defer />
      </section>
      <p className="mt-10 text-sm text-slate-600"><Link className="underline" href="/">{t('back')}</Link></p>
    </main>
  )
}
