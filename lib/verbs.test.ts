import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

// Every exported ctx-first verb in lib/ that writes must authorise and leave an audit trail
// (SPEC §2, §14). Read from the source: a new verb that forgets either fails here. Steps in
// an internal/ folder are exempt — they skip checks by design and lint keeps them in lib/.

const root = path.join(import.meta.dirname)
const WRITE = /\.(insert|update|delete)\(|\b(applyStatus|applyAssignment|enqueue\w*)\(/
/** `checkTransition` is the §4 workflow's own permission rule (who may move a ticket where). */
const AUTHORISE = /\b(authorize|can|checkTransition)\(/
/** Calls that record an audit event themselves (they are checked here too, or are internal steps that do). */
const AUDIT = /\b(recordAudit|applyStatus|applyAssignment|recordAuditBatch)\(/

/** Verbs that act only on the actor's own things, so there is no permission to check; with reasons. */
const selfOnly: Record<string, string> = {
  'notifications/inbox.ts#markRead': 'the caller\'s own notifications only (filtered by user id)',
  'notifications/inbox.ts#markAllRead': 'as above',
  'notifications/inbox.ts#savePreferences': 'the caller\'s own notification settings',
  'attachments/delete-attachment.ts#discardUpload': 'the caller\'s own staged, unclaimed upload',
  'tickets/get-ticket.ts#getTicketDetail': 'a read: the visibility rule is the check (getTicketView authorises ticket:read); it only counts the view',
  'api/idempotency.ts#idempotent': 'transport plumbing: stores the answer of a verb that checks for itself',
}

/** Verbs that write but are deliberately not audited, each with its reason. Keep short. */
const notAudited: Record<string, string> = {
  ...selfOnly,
  'attachments/stage-upload.ts#stageUpload': 'a staged upload belongs to no ticket until a ticket or reply claims it, and that is audited',
}

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return e.name === 'internal' ? [] : files(p)
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : []
  })
}

type Verb = { id: string; body: string }
function verbs(): Verb[] {
  const out: Verb[] = []
  for (const file of files(root)) {
    const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
    for (const st of src.statements) {
      if (!ts.isFunctionDeclaration(st) || !st.body || !st.name) continue
      if (!st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue
      const first = st.parameters[0]
      if (!first || first.name.getText(src) !== 'ctx' || !/\bCtx\b/.test(first.type?.getText(src) ?? '')) continue
      out.push({ id: `${path.relative(root, file)}#${st.name.text}`, body: st.body.getText(src) })
    }
  }
  return out
}

describe('every writing verb authorises and audits', () => {
  const all = verbs()
  const writing = all.filter((v) => WRITE.test(v.body))

  it('finds the verbs (the check reads the real source)', () => {
    expect(all.length).toBeGreaterThan(40)
    expect(writing.map((v) => v.id)).toEqual(expect.arrayContaining(['tickets/create-ticket.ts#createTicket', 'comments/add-comment.ts#addComment']))
  })

  it('each writing verb calls authorize/can', () => {
    expect(writing.filter((v) => !AUTHORISE.test(v.body) && !(v.id in selfOnly)).map((v) => v.id)).toEqual([])
  })

  it('each writing verb records an audit event, or is listed with its reason', () => {
    expect(writing.filter((v) => !AUDIT.test(v.body) && !(v.id in notAudited)).map((v) => v.id)).toEqual([])
  })

  it('the exemptions list names only verbs that exist and write', () => {
    const ids = new Set(writing.map((v) => v.id))
    expect(Object.keys(notAudited).filter((id) => !ids.has(id))).toEqual([])
    expect(Object.keys(selfOnly).filter((id) => !ids.has(id))).toEqual([])
  })
})
