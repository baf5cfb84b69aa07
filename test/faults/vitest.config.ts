import path from 'node:path'
import { defineConfig } from 'vitest/config'

const root = path.join(import.meta.dirname, '..', '..')

// The fault suite (`npm run test:faults`): each file starts production servers, kills
// processes and restarts databases, so files run one after another, never in parallel.
export default defineConfig({
  root,
  resolve: { alias: { '@': root, 'server-only': path.join(root, 'test/empty.ts') } },
  test: {
    include: ['test/faults/**/*.fault.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
})
