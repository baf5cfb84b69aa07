import type { NextConfig } from 'next'
import createNextIntlPlugin from 'next-intl/plugin'
import { apiContentSecurityPolicy, staticSecurityHeaders } from './lib/http/security-headers'

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files relative to its own package directory,
  // so it must stay a plain Node require instead of being bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres'],
  // Lets parallel builds (e.g. CI's PGlite and Postgres e2e runs, or two developers' checks) use separate output folders.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // HELPDESK_COMPRESS=off leaves gzip to the reverse proxy in front (nginx, a load balancer),
  // which does it in native code instead of the Node process that renders pages (README,
  // "Running behind a proxy"). Read when the server starts, not at build time.
  compress: process.env.HELPDESK_COMPRESS !== 'off',
  eslint: { ignoreDuringBuilds: true },
  typescript: { ignoreBuildErrors: false },
  // Middleware skips build assets (it would only slow them down) and /api/ (it would buffer
  // and cap upload bodies); they get the headers that do not depend on the request here, the
  // API with a CSP that allows nothing at all (its answers are JSON or redirects, never pages).
  // Pages get theirs, with the nonce CSP, from middleware.
  async headers() {
    // Evaluated at build time: HSTS (which depends on APP_URL at run time) comes with the pages.
    const headers = Object.entries(staticSecurityHeaders({ https: false })).map(([key, value]) => ({ key, value }))
    return [
      { source: '/_next/static/:path*', headers },
      { source: '/_next/image', headers },
      { source: '/api/:path*', headers: [...headers, { key: 'Content-Security-Policy', value: apiContentSecurityPolicy }] },
    ]
  },
}

// next-intl without locale routing: the language is the viewer's (cookie, else Accept-Language), not part of the URL.
export default createNextIntlPlugin('./lib/i18n/request.ts')(nextConfig)
