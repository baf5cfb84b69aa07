// The product's domain verbs, read from the source: every exported function in lib/ whose
// first parameter is `ctx: Ctx` (STYLE.md's ctx-first verbs), by the file that defines it.
// Steps in an internal/ folder skip checks by design and are not verbs. Used by ESLint (app/
// and components/ import a verb only from its domain's index module) and by lib/verbs.test.ts.
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

const libRoot = path.join(import.meta.dirname, '..', 'lib')

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return e.name === 'internal' ? [] : sourceFiles(p)
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : []
  })
}

/** @returns {{ file: string, name: string, body: string, isAsync: boolean }[]} file relative to lib/; a sync one builds a query and is a step, not a verb */
export function domainVerbs() {
  const out = []
  for (const file of sourceFiles(libRoot)) {
    const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
    for (const st of src.statements) {
      if (!ts.isFunctionDeclaration(st) || !st.body || !st.name) continue
      if (!st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue
      const first = st.parameters[0]
      if (!first || first.name.getText(src) !== 'ctx' || !/\bCtx\b/.test(first.type?.getText(src) ?? '')) continue
      const isAsync = !!st.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword) || /^Promise\b/.test(st.type?.getText(src) ?? '')
      out.push({ file: path.relative(libRoot, file).split(path.sep).join('/'), name: st.name.text, body: st.body.getText(src), isAsync })
    }
  }
  return out
}

/** Domains that publish their verbs from an index module (lib/<domain>/index.ts). */
export function indexedDomains() {
  return fs.readdirSync(libRoot, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(libRoot, e.name, 'index.ts')))
    .map((e) => e.name)
}
