import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files relative to its own package directory,
  // so it must stay a plain Node require instead of being bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres'],
  // Lets parallel builds (e.g. CI's PGlite and Postgres e2e runs, or two developers' checks) use separate output folders.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  eslint: { ignoreDuringBuilds: true },
  typescript: { ignoreBuildErrors: false },
}

export default nextConfig
