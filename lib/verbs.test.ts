import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { domainVerbs, indexedDomains } from '../scripts/domain-verbs.mjs'
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
  'notifications/phone.ts#saveMyPhone': 'the caller\'s own phone number (audited)',
  'attachments/delete-attachment.ts#discardUpload': 'the caller\'s own staged, unclaimed upload',
  'tickets/get-ticket.ts#getTicketDetail': 'a read: the visibility rule is the check (getTicketView authorises ticket:read); it only counts the view',
  'api/idempotency.ts#idempotent': 'transport plumbing: stores the answer of a verb that checks for itself',
  'two-factor/enrol.ts#startEnrolment': 'the caller\'s own pending two-factor secret; not in force until confirmEnrolment, which is audited',
  'two-factor/enrol.ts#confirmEnrolment': 'the caller\'s own second factor (audited)',
  'two-factor/disable.ts#disableTwoFactor': 'the caller\'s own second factor, after proving them again (audited)',
}

/** Verbs that write but are deliberately not audited, each with its reason. Keep short. */
const notAudited: Record<string, string> = {
  ...selfOnly,
  'attachments/stage-upload.ts#stageUpload': 'a staged upload belongs to no ticket until a ticket or reply claims it, and that is audited',
  'presence/touch-presence.ts#touchPresence': 'a heartbeat of who has a ticket open: ephemeral (expires in 30 s), changes no ticket data',
  'presence/touch-presence.ts#leavePresence': 'as above',
  'views/list-columns.ts#saveListColumns': 'the caller\'s own choice of list columns, like notification settings: no tenant data changes',
}

type Verb = { id: string; body: string }
const found = domainVerbs()
const verbs = (): Verb[] => found.map((v) => ({ id: `${v.file}#${v.name}`, body: v.body }))

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

describe('each domain publishes its verbs from one module', () => {
  const domains = indexedDomains()

  it('the settings domains have an index module', () => {
    expect(domains).toEqual(expect.arrayContaining(['tickets', 'comments', 'members', 'teams', 'routing', 'sla', 'notifications', 'api-tokens', 'attachments', 'audit']))
  })

  it('every async ctx-first verb of an indexed domain is exported by its index', () => {
    const missing: string[] = []
    for (const domain of domains) {
      const index = path.join(root, domain, 'index.ts')
      const src = ts.createSourceFile(index, fs.readFileSync(index, 'utf8'), ts.ScriptTarget.Latest, true)
      const exported = new Set<string>()
      for (const st of src.statements) {
        if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause)) for (const e of st.exportClause.elements) exported.add(e.name.text)
      }
      for (const v of found) if (v.isAsync && v.file.startsWith(`${domain}/`) && !exported.has(v.name)) missing.push(`${v.file}#${v.name}`)
    }
    expect(missing).toEqual([])
  })
})
