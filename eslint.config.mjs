import { FlatCompat } from '@eslint/eslintrc'

const compat = new FlatCompat({ baseDirectory: import.meta.dirname })

export default [
  { ignores: ['.next*/**', 'node_modules/**', 'data/**', 'db/migrations/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  ...compat.extends('next/core-web-vitals', 'next/typescript'),
  {
    // The data-access layer in lib/ is the only code allowed to touch the database:
    // pages and components must go through it so every path gets the same checks.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['@/db', '@/db/*', 'drizzle-orm', 'drizzle-orm/*'], message: 'Use the data-access layer in lib/ instead.' },
        ],
      }],
    },
  },
]
