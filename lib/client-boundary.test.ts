import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

// Code that runs in the browser must never pull in the database layer: importing an enum
// list from db/schema once shipped a 37 KB chunk of drizzle to nine pages. ESLint only sees
// one file at a time, so this walks the real import graph from every 'use client' module,
// following value imports (type-only imports are erased by the compiler), and fails with the
// chain that reaches a forbidden module.

const root = path.resolve(import.meta.dirname, '..')
const forbidden = (spec: string, file: string | null) =>
  /^drizzle-orm(\/|$)/.test(spec) || spec === 'postgres' || spec.startsWith('@electric-sql/')
  || (file !== null && (/^db\/(schema|client|seed)/.test(file) || /^db\/migrate/.test(file)))

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, e.name)
    if (e.isDirectory()) walk(rel, out)
    else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(rel)
  }
  return out
}

function resolve(spec: string, from: string): string | null {
  let base: string
  if (spec.startsWith('@/')) base = spec.slice(2)
  else if (spec.startsWith('.')) base = path.join(path.dirname(from), spec)
  else return null
  for (const c of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (fs.existsSync(path.join(root, c)) && fs.statSync(path.join(root, c)).isFile()) return path.normalize(c)
  }
  return null
}

/** Module specifiers this file imports or re-exports as values. */
export function valueImports(source: string, fileName = 'x.tsx'): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
  const out: string[] = []
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const clause = st.importClause
      if (clause?.isTypeOnly) continue
      const named = clause?.namedBindings
      const onlyTypes = clause && !clause.name && named && ts.isNamedImports(named)
        && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)
      if (!onlyTypes) out.push(st.moduleSpecifier.text)
    } else if (ts.isExportDeclaration(st) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) && !st.isTypeOnly) {
      const named = st.exportClause
      const onlyTypes = named && ts.isNamedExports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)
      if (!onlyTypes) out.push(st.moduleSpecifier.text)
    }
  }
  return out
}

const directive = (name: string) => new RegExp(`^\\s*(?:\\/\\/[^\\n]*\\n|\\/\\*[\\s\\S]*?\\*\\/\\s*)*['"]${name}['"]`)
const isClientModule = (source: string) => directive('use client').test(source)
// A client importing a 'use server' module gets references to its actions, not its code.
const isServerActions = (source: string) => directive('use server').test(source)

function findLeaks(): string[] {
  const files = [...walk('app'), ...walk('components')]
  const leaks: string[] = []
  const seen = new Set<string>()
  const stack: { file: string; chain: string[] }[] = []
  for (const f of files) if (isClientModule(fs.readFileSync(path.join(root, f), 'utf8'))) stack.push({ file: f, chain: [f] })
  while (stack.length) {
    const { file, chain } = stack.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    const source = fs.readFileSync(path.join(root, file), 'utf8')
    if (chain.length > 1 && isServerActions(source)) continue
    for (const spec of valueImports(source, file)) {
      const target = resolve(spec, file)
      if (forbidden(spec, target)) { leaks.push([...chain, target ?? spec].join(' → ')); continue }
      if (target) stack.push({ file: target, chain: [...chain, target] })
    }
  }
  return leaks
}

describe('browser bundle boundary', () => {
  it('no client module reaches drizzle, db/schema or a database driver through value imports', () => {
    expect(findLeaks()).toEqual([])
  })

  it('reads type-only imports as erased and value imports as kept', () => {
    expect(valueImports(`import type { A } from '@/db/schema'\nimport { type B } from 'drizzle-orm'\nimport { c } from '@/db/enums'`)).toEqual(['@/db/enums'])
    expect(valueImports(`import { ticketStatuses, type TicketStatus } from '@/db/schema/tickets'`)).toEqual(['@/db/schema/tickets'])
    expect(valueImports(`export { roles } from '../enums'\nexport type { Role } from '../enums'`)).toEqual(['../enums'])
  })

  it('would catch the old leak: a schema module importing enum lists from db/schema', () => {
    expect(forbidden('@/db/schema/tickets', resolve('@/db/schema/tickets', 'lib/tickets/schemas.ts'))).toBe(true)
    expect(forbidden('@/db/enums', resolve('@/db/enums', 'lib/tickets/schemas.ts'))).toBe(false)
  })
})
