import type { NextConfig } from 'next'
import { staticSecurityHeaders } from './lib/http/security-headers'

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files relative to its own package directory,
  // so it must stay a plain Node require instead of being bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres'],
  // Lets parallel builds (e.g. CI's PGlite and Postgres e2e runs, or two developers' checks) use separate output folders.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  eslint: { ignoreDuringBuilds: true },
  typescript: { ignoreBuildErrors: false },
  // Middleware skips build assets (it would only slow them down); they get the headers that
  // do not depend on the request here. Pages and routes get theirs, with the CSP, from middleware.
  async headers() {
    const headers = Object.entries(staticSecurityHeaders({ https: false })).map(([key, value]) => ({ key, value }))
    return [{ source: '/_next/static/:path*', headers }, { source: '/_next/image', headers }]
  },
}

export default nextConfig
