import path from 'node:path'
import { defineConfig } from 'vitest/config'

const root = import.meta.dirname

export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      // Next enforces `server-only` at build time; under test every module runs on the server.
      'server-only': path.join(root, 'test/empty.ts'),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'db/**/*.test.ts'],
    // Each test file gets its own process and, without DATABASE_URL, its own in-memory PGlite.
    pool: 'forks',
    env: { PGLITE_DATA_DIR: 'memory://', HELPDESK_SEED: 'off' },
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
