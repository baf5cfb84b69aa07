import { FlatCompat } from '@eslint/eslintrc'
import { domainVerbs, indexedDomains } from './scripts/domain-verbs.mjs'

const compat = new FlatCompat({ baseDirectory: import.meta.dirname })

/** Verbs by the file that defines them, read from lib/ (scripts/domain-verbs.mjs); app/ and
 *  components/ import a domain's verbs only from its index module. */
const indexed = new Set(indexedDomains())
const verbsByFile = new Map()
for (const v of domainVerbs()) {
  if (!v.isAsync || !indexed.has(v.file.split('/')[0])) continue
  const mod = `@/lib/${v.file.replace(/\.tsx?$/, '')}`
  verbsByFile.set(mod, [...(verbsByFile.get(mod) ?? []), v.name])
}

export default [
  { ignores: ['.next*/**', 'node_modules/**', 'data/**', 'db/migrations/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  ...compat.extends('next/core-web-vitals', 'next/typescript'),
  {
    // The data-access layer in lib/ is the only code allowed to touch the database:
    // pages and components must go through it so every path gets the same checks.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        // A domain's verbs come from its one module (lib/<domain>/index.ts).
        paths: [...verbsByFile].map(([name, importNames]) => ({
          name, importNames, message: `Import ${importNames.join(', ')} from ${name.split('/').slice(0, 3).join('/')}, the domain's module of verbs.`,
        })),
        patterns: [
          { group: ['@/db', '@/db/*', 'drizzle-orm', 'drizzle-orm/*'], message: 'Use the data-access layer in lib/ instead.' },
          { group: ['@/lib/*/internal/*', '@/lib/**/internal/*'], message: 'Steps in internal/ skip the checks: call the domain verb instead.' },
        ],
      }],
    },
  },
  {
    // Issue 18: every word people read comes from the catalogues (lib/i18n/messages), so text
    // written straight into JSX is an error. Punctuation and glyphs that no language changes pass.
    files: ['app/**/*.tsx', 'components/**/*.tsx'],
    rules: {
      'react/jsx-no-literals': ['error', {
        noStrings: false, ignoreProps: true,
        allowedStrings: ['·', '—', '–', '→', '←', '/', '#', '(', ')', ':', '*', '…', '+', '-', '%', '×', '|', ',', '.', '✓', '↑', '↓', '&middot;', '&times;', '&rarr;', '&larr;', '&mdash;', '&ndash;', '&hellip;'],
      }],
    },
  },
  {
    // Input schemas are shared with the browser (react-hook-form validates with them), so
    // they may take value lists from the table-free db/enums only; the import-graph test in
    // lib/client-boundary.test.ts checks the same for every module a client component reaches.
    files: ['lib/**/schemas.ts', 'lib/tickets/workflow.ts', 'lib/routing/match.ts', 'lib/sla/{status,calendar,clock,format}.ts', 'lib/attachments/limits.ts', 'db/enums.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['@/db/schema', '@/db/schema/*', '@/db/client', 'drizzle-orm', 'drizzle-orm/*', '../schema', '../schema/*'], allowTypeImports: true, message: 'Browser-shared module: import value lists from @/db/enums.' },
        ],
      }],
    },
  },
]
