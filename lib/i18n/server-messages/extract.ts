import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

/**
 * Finds every literal message the data layer can send back to a person, by reading lib/ source
 * (tests excluded), so server-messages.test.ts can insist each one has a German translation.
 * Test-only: never imported by the app.
 *
 * A message is the text (or template) given to a typed domain error (`new ValidationError('…', { field: ['…'] })`),
 * to a zod check (`.min(1, '…')`, `.uuid('…')`, `.refine(f, '…')`), or to a `message:` /
 * `noteRequired:` / `required_error:` / `invalid_type_error:` property (errorMap, addIssue, refine
 * options, search errors), the returns of `…Problem()` functions, and the strings returned by the
 * check functions passed to routing's `list(…)`, and the third argument of `authorize(ctx, permission, '…')`. A name used as a message is followed to its const
 * (in the same file, else any lib file). Template literals become every sample their ternaries allow,
 * with `SAMPLE` for each value only known at run time.
 */
export const SAMPLE = '7'
const root = path.resolve(import.meta.dirname, '../../..')
/** REST-only code stays English (lib/http, lib/api); the i18n layer itself holds no messages to translate. */
const skipped = /^lib\/(http|api|i18n)\//

const domainErrors = new Set([
  'DomainError', 'NotFoundError', 'ForbiddenError', 'NotMemberError', 'UnauthorizedError', 'ValidationError', 'TooLargeError',
  'ConflictError', 'PreconditionFailedError', 'RateLimitedError',
])
/** zod check → index of its message argument. */
const zodMessageArg: Record<string, number> = {
  min: 1, max: 1, length: 1, gte: 1, lte: 1, gt: 1, lt: 1, multipleOf: 1, regex: 1, refine: 1, includes: 1, startsWith: 1, endsWith: 1,
  email: 0, url: 0, uuid: 0, cuid: 0, int: 0, positive: 0, nonnegative: 0, negative: 0, nonpositive: 0, nonempty: 0, datetime: 0,
  date: 0, time: 0, finite: 0, ip: 0, emoji: 0, trim: -1,
}
const messageProps = new Set(['message', 'noteRequired', 'required_error', 'invalid_type_error'])

export type Extracted = { file: string; line: number; samples: string[] }

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, e.name)
    if (e.isDirectory()) walk(rel, out)
    else if (/\.tsx?$/.test(e.name) && !/\.(test|spec)\.tsx?$/.test(e.name) && !/\.d\.ts$/.test(e.name)) out.push(rel)
  }
  return out
}

export function extractMessages(): Extracted[] {
  const files = walk('lib').filter((f) => !skipped.test(f.split(path.sep).join('/')))
  const sources = files.map((f) => ({ file: f, sf: ts.createSourceFile(f, fs.readFileSync(path.join(root, f), 'utf8'), ts.ScriptTarget.Latest, true) }))
  // const name → initialiser, per file and across lib (for exported constants such as capMessage).
  // Imported names are followed only to exported consts; a parameter is not followed at all.
  const consts = new Map<ts.SourceFile, Map<string, ts.Expression[]>>()
  const imported = new Map<ts.SourceFile, Set<string>>()
  const exported = new Map<string, ts.Expression>()
  for (const { sf } of sources) {
    const local = new Map<string, ts.Expression[]>()
    const names = new Set<string>()
    const visit = (n: ts.Node) => {
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) {
        local.set(n.name.text, [...(local.get(n.name.text) ?? []), n.initializer])
        const stmt = n.parent?.parent
        if (stmt && ts.isVariableStatement(stmt) && stmt.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) exported.set(n.name.text, n.initializer)
      }
      if (ts.isImportSpecifier(n)) names.add(n.name.text)
      ts.forEachChild(n, visit)
    }
    visit(sf)
    consts.set(sf, local)
    imported.set(sf, names)
  }

  /** The same-file const a name refers to: the nearest declaration before the use (blocks may reuse a name). */
  const declared = (id: ts.Identifier, sf: ts.SourceFile): ts.Expression | undefined => {
    const before = (consts.get(sf)!.get(id.text) ?? []).filter((init) => init.pos < id.pos)
    return before.at(-1)
  }
  const unwrap = (e: ts.Expression): ts.Expression => (ts.isParenthesizedExpression(e) ? unwrap(e.expression) : e)

  /**
   * Every string the expression can be, SAMPLE for unknown parts; null when it has no literal text
   * at all. Ternaries with the same condition in one template take the same branch (`n === 1`).
   */
  const samples = (e: ts.Expression, sf: ts.SourceFile, depth = 0, chosen = new Map<string, boolean>()): string[] | null => {
    if (depth > 5) return null
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e)) return samples(e.expression, sf, depth, chosen)
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text]
    if (ts.isTemplateExpression(e)) {
      const conditions = [...new Set(e.templateSpans.map((s) => unwrap(s.expression)).filter(ts.isConditionalExpression)
        .map((c) => c.condition.getText(sf)).filter((c) => !chosen.has(c)))]
      const out: string[] = []
      for (let bits = 0; bits < 2 ** conditions.length; bits++) {
        const choice = new Map(chosen)
        conditions.forEach((c, i) => choice.set(c, !!(bits & (1 << i))))
        let acc = [e.head.text]
        for (const span of e.templateSpans) {
          const inner = samples(span.expression, sf, depth + 1, choice) ?? [SAMPLE]
          acc = acc.flatMap((a) => inner.map((i) => a + i + span.literal.text))
        }
        out.push(...acc)
      }
      return out
    }
    if (ts.isConditionalExpression(e)) {
      const pick = chosen.get(e.condition.getText(sf))
      const a = pick === false ? [] : samples(e.whenTrue, sf, depth + 1, chosen)
      const b = pick === true ? [] : samples(e.whenFalse, sf, depth + 1, chosen)
      if (!a && !b) return null
      // A branch that is null/undefined (no message) adds nothing; a run-time value inside a template becomes SAMPLE.
      const none = (x: ts.Expression) => x.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(x) && x.text === 'undefined')
      return [...(a ?? (none(e.whenTrue) ? [] : [SAMPLE])), ...(b ?? (none(e.whenFalse) ? [] : [SAMPLE]))]
    }
    if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
      const r = samples(e.right, sf, depth + 1)
      const l = samples(e.left, sf, depth + 1)
      return l || r ? [...(l ?? []), ...(r ?? [])] : null
    }
    if (ts.isIdentifier(e)) {
      const init = declared(e, sf) ?? (imported.get(sf)!.has(e.text) ? exported.get(e.text) : undefined)
      return init ? samples(init, init.getSourceFile(), depth + 1) : null
    }
    return null
  }

  const out: Extracted[] = []
  for (const { file, sf } of sources) {
    const add = (e: ts.Expression | undefined) => {
      if (!e) return
      const s = samples(e, sf)?.filter((x) => x !== SAMPLE && x.trim() !== '')
      if (s?.length) out.push({ file: file.split(path.sep).join('/'), line: sf.getLineAndCharacterOfPosition(e.getStart(sf)).line + 1, samples: [...new Set(s)] })
    }
    const messageOfObject = (o: ts.Expression) => {
      if (ts.isParenthesizedExpression(o)) return messageOfObject(o.expression)
      if (!ts.isObjectLiteralExpression(o)) return
      for (const p of o.properties) if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'message') add(p.initializer)
    }
    const returnsOf = (body: ts.Node) => {
      if (!ts.isBlock(body)) { add(body as ts.Expression); return }
      const visit = (n: ts.Node) => {
        if (ts.isReturnStatement(n) && n.expression) add(n.expression)
        if (!ts.isFunctionLike(n)) ts.forEachChild(n, visit)
      }
      visit(body)
    }
    const visit = (n: ts.Node) => {
      if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && domainErrors.has(n.expression.text)) {
        const [message, fields] = n.arguments ?? []
        add(message)
        if (fields && ts.isObjectLiteralExpression(fields)) {
          for (const p of fields.properties) {
            if (ts.isPropertyAssignment(p) && ts.isArrayLiteralExpression(p.initializer)) for (const el of p.initializer.elements) add(el as ts.Expression)
          }
        }
      }
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
        const i = zodMessageArg[n.expression.name.text]
        if (i !== undefined && i >= 0) {
          const arg = n.arguments[i]
          if (arg && (ts.isObjectLiteralExpression(arg))) messageOfObject(arg)
          else if (arg && (ts.isArrowFunction(arg) || ts.isFunctionExpression(arg))) messageOfObject(arg.body as ts.Expression)
          else add(arg)
        }
      }
      // authorize(ctx, permission, message)
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'authorize') add(n.arguments[2])
      // routing's list(what, normalise, check): check returns the message for a bad entry.
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'list') {
        const check = n.arguments[2]
        if (check && ts.isArrowFunction(check)) returnsOf(check.body)
      }
      if (ts.isPropertyAssignment(n) && ts.isIdentifier(n.name) && messageProps.has(n.name.text)) add(n.initializer)
      if (ts.isShorthandPropertyAssignment(n) && messageProps.has(n.name.text)) add(n.name)
      if (ts.isFunctionDeclaration(n) && n.name && /Problem$/.test(n.name.text) && n.body) returnsOf(n.body)
      ts.forEachChild(n, visit)
    }
    visit(sf)
  }
  return out
}
