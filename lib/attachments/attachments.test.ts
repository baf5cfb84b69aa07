import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createHash, randomUUID } from 'node:crypto'
import { text } from 'node:stream/consumers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, count, eq } from 'drizzle-orm'
import { attachments, comments, jobs, organizations } from '@/db/schema'
import { addComment } from '@/lib/comments/add-comment'
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors'
import { createTicket } from '@/lib/tickets/create-ticket'
import { deleteTicket } from '@/lib/tickets/delete-ticket'
import { category, makeOrg, type TestOrg } from '@/test/factory'
import { auditCount, clear, fieldErrorsOf, ticketIn } from '@/test/tickets'
import { elf, image, pdf, pe, upload } from '@/test/uploads'
import { authorizeDownload, loadLinkedFile } from './access'
import { removeExpiredUploads } from './cleanup'
import { deleteAttachment, discardUpload, PURGE_QUEUE } from './delete-attachment'
import { attachmentTimeline, ticketAttachments } from './list-attachments'
import { MB } from './limits'
import { signFileLink, verifyFileLink } from './signed-link'
import { storageNamed } from './storage'
import { uploadsDir } from './storage/disk'

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-att-test-'))
process.env.UPLOADS_DIR = root
delete process.env.UPLOADTHING_TOKEN

afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')
const filesOnDisk = () => fs.readdirSync(root, { recursive: true }).filter((f) => fs.statSync(path.join(root, String(f))).isFile()).length
const tempUploads = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('helpdesk-upload-')).length

async function rowById(o: TestOrg, id: string) {
  const [row] = await o.db.select().from(attachments).where(and(eq(attachments.organizationId, o.org.id), eq(attachments.id, id)))
  return row
}

/** What a person gets by following the download route: the signed link, checked and opened. */
async function fetchBytes(ctx: TestOrg['agent'], id: string, variant: 'original' | 'thumb' = 'original') {
  const a = await authorizeDownload(ctx, id, variant)
  const link = new URL(signFileLink(ctx.org.slug, a.id, variant), 'http://x')
  expect(verifyFileLink(ctx.org.slug, a.id, Object.fromEntries(link.searchParams))).toBe(variant)
  const linked = await loadLinkedFile(ctx.org.slug, id)
  const file = await storageNamed(linked!.storage).open(variant === 'thumb' ? linked!.thumbnailKey! : linked!.storageKey)
  const chunks: Buffer[] = []
  for await (const c of file.stream) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

describe('upload and download on disk', () => {
  let o: TestOrg
  beforeAll(async () => { o = await makeOrg() })

  it('streams to disk, stages, joins a reply in its transaction and comes back byte for byte', async () => {
    expect(uploadsDir()).toBe(root)
    const t = await ticketIn(o, 'in_progress')
    const photo = await image('jpeg', 1600, 1200)
    const staged = await upload(o.agent, 'site photo.jpg', photo, { ticketNumber: t.number })
    expect(staged).toMatchObject({ filename: 'site photo.jpg', contentType: 'image/jpeg', size: photo.length, thumbnail: true })
    const row = await rowById(o, staged.id)
    expect(row).toMatchObject({ ticketId: null, commentId: null, uploaderId: o.agent.user.id, sha256: sha(photo), storage: 'disk', imageWidth: 1600, imageHeight: 1200 })
    expect(row.expiresAt!.getTime()).toBeGreaterThan(Date.now())
    expect(fs.readFileSync(path.join(root, row.storageKey)).equals(photo)).toBe(true)

    const reply = await addComment(o.agent, { number: t.number, body: 'Photo of the cabinet', attachmentIds: [staged.id] })
    expect(await rowById(o, staged.id)).toMatchObject({ ticketId: t.id, commentId: reply.id, expiresAt: null })
    expect(await auditCount(o, 'attachment.added', staged.id)).toBe(1)

    // The requester downloads exactly what was uploaded; the thumbnail is a small WebP.
    expect((await fetchBytes(o.requester, staged.id)).equals(photo)).toBe(true)
    const thumb = await fetchBytes(o.requester, staged.id, 'thumb')
    expect(thumb.subarray(8, 12).toString()).toBe('WEBP')
    expect(thumb.length).toBeLessThan(photo.length / 4)

    const listed = await ticketAttachments(o.requester, t.id)
    expect(listed).toEqual([expect.objectContaining({ id: staged.id, commentId: reply.id, thumbnail: true, canDelete: false })])
    expect((await ticketAttachments(o.agent, t.id))[0].canDelete).toBe(true)
    expect((await attachmentTimeline(o.requester, t.id)).map((e) => e.text)).toEqual(['attached “site photo.jpg”'])
  })

  it('files given with a new ticket belong to its description', async () => {
    const doc = pdf(5000)
    const staged = await upload(o.requester, 'invoice.pdf', doc)
    const t = await createTicket(o.requester, { title: 'Billing', description: 'See the invoice', categoryId: category(o, 'General'), attachmentIds: [staged.id] })
    expect(await rowById(o, staged.id)).toMatchObject({ ticketId: t.id, commentId: null, contentType: 'application/pdf', thumbnailKey: null })
    expect((await fetchBytes(o.agent, staged.id)).equals(doc)).toBe(true)
  })

  it('plain text and CSV are recognised from their bytes', async () => {
    const csv = await upload(o.requester, 'export.csv', Buffer.from('name,amount\nAda,12\n'))
    const txt = await upload(o.requester, 'notes', Buffer.from('plain words, no extension\n'))
    expect([csv.contentType, txt.contentType]).toEqual(['text/csv', 'text/plain'])
  })
})

describe('what the server refuses', () => {
  let o: TestOrg
  beforeAll(async () => { o = await makeOrg() })

  it('an ELF or Windows executable renamed .png is caught by sniffing, named in the message, and nothing is kept', async () => {
    const before = filesOnDisk()
    for (const [name, bytes, what] of [['holiday.png', elf(), 'elf'], ['invoice.png', pe(), 'exe']] as const) {
      const err = await upload(o.requester, name, bytes).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(ValidationError)
      expect((err as Error).message).toContain(`“${name}”`)
      expect((err as Error).message).toContain(`.${what}`)
    }
    expect(filesOnDisk()).toBe(before)
    expect(tempUploads()).toBe(0)
    const [{ n }] = await o.db.select({ n: count() }).from(attachments).where(eq(attachments.organizationId, o.org.id))
    expect(n).toBe(0)
  })

  it('an allowed type under the wrong name, an unknown binary and a script are refused', async () => {
    await expect(upload(o.requester, 'photo.png', pdf())).rejects.toThrow(/“photo\.png”.*ends in \.png but its contents are a PDF/)
    await expect(upload(o.requester, 'blob.bin', Buffer.from([0, 1, 2, 3, 0, 0, 0, 255, 254]))).rejects.toThrow(/not a recognised file type/)
    await expect(upload(o.requester, 'run.sh', Buffer.from('#!/bin/sh\nrm -rf /\n'))).rejects.toThrow(/\.sh files are not accepted/)
    await expect(upload(o.requester, 'empty.txt', Buffer.alloc(0))).rejects.toThrow(/“empty\.txt”.*empty/)
  })

  it('a file over the organisation’s limit is refused by name; the limit is an org setting', async () => {
    await o.db.update(organizations).set({ settings: { ...o.org.settings, maxAttachmentMb: 1 } }).where(eq(organizations.id, o.org.id))
    const requester = await o.reload(o.requester)
    const big = pdf(Math.round(1.5 * MB))
    // Without a Content-Length the stream itself is cut at the limit.
    const { multipart } = await import('@/test/uploads')
    const { stageUpload } = await import('./stage-upload')
    const body = multipart('scan.pdf', big)
    const err = await stageUpload(requester, { body: body.body, contentType: body.contentType }).catch((e: unknown) => e)
    expect((err as Error).message).toBe('“scan.pdf” can’t be attached: it is larger than the 1 MB limit.')
    // With an honest Content-Length it is refused before reading.
    await expect(upload(requester, 'scan.pdf', big)).rejects.toThrow(/larger than the 1 MB limit/)
    expect(await upload(requester, 'small.pdf', pdf(200 * 1024))).toMatchObject({ size: 200 * 1024 })
    expect(tempUploads()).toBe(0)
    await o.db.update(organizations).set({ settings: o.org.settings }).where(eq(organizations.id, o.org.id))
  })

  it('a ticket’s total is capped: early at upload and for certain when the message is saved', async () => {
    await o.db.update(organizations).set({ settings: { ...o.org.settings, maxAttachmentMb: 1, maxTicketAttachmentsMb: 1 } }).where(eq(organizations.id, o.org.id))
    const requester = await o.reload(o.requester)
    const t = await ticketIn(o, 'open')
    const a = await upload(requester, 'a.pdf', pdf(600 * 1024))
    const b = await upload(requester, 'b.pdf', pdf(600 * 1024))
    const errors = await fieldErrorsOf(addComment(requester, { number: t.number, body: 'two files', attachmentIds: [a.id, b.id] }))
    expect(errors.attachments?.[0]).toMatch(/“a\.pdf”, “b\.pdf”.*over its 1 MB limit/)
    await addComment(requester, { number: t.number, body: 'one file', attachmentIds: [a.id] })
    await expect(upload(requester, 'c.pdf', pdf(600 * 1024), { ticketNumber: t.number })).rejects.toThrow(/“c\.pdf”.*#\d+ would exceed/)
    await o.db.update(organizations).set({ settings: o.org.settings }).where(eq(organizations.id, o.org.id))
  })

  it('path traversal, control characters and overlong names are cleaned before anything sees them', async () => {
    const cases: [string, string][] = [
      ['../../etc/passwd.txt', 'passwd.txt'],
      ['..\\..\\windows\\win.txt', 'win.txt'],
      ['a<b>:c|d?.txt', 'a_b__c_d_.txt'],
      ['photo\u202Egnp.txt', 'photognp.txt'],
      [`${'a'.repeat(300)}.txt`, `${'a'.repeat(146)}.txt`],
    ]
    for (const [raw, clean] of cases) {
      const staged = await upload(o.requester, raw, Buffer.from('hello\n'))
      expect(staged.filename).toBe(clean)
    }
    // Nothing was written outside the uploads folder, whatever the name said.
    expect(fs.existsSync(path.join(root, '..', 'etc'))).toBe(false)
  })

  it('a forged form post cannot claim another person’s upload, another org’s, or an unknown id; nothing is saved', async () => {
    const other = await makeOrg()
    const t = await ticketIn(o, 'open')
    const mine = await upload(o.requester2, 'mine.txt', Buffer.from('requester2 only\n'))
    const theirs = await upload(other.requester, 'theirs.txt', Buffer.from('other org\n'))
    for (const id of [mine.id, theirs.id, randomUUID()]) {
      const errors = await fieldErrorsOf(addComment(o.requester, { number: t.number, body: 'stolen', attachmentIds: [id] }))
      expect(errors.attachments?.[0]).toMatch(/no longer available/)
    }
    expect(await rowById(o, mine.id)).toMatchObject({ ticketId: null })
    const [{ n }] = await o.db.select({ n: count() }).from(comments).where(and(eq(comments.organizationId, o.org.id), eq(comments.ticketId, t.id)))
    expect(n).toBe(0)
  })

  it('a message that fails keeps its uploads staged, so the retry can send them', async () => {
    const t = await ticketIn(o, 'closed')
    const staged = await upload(o.requester, 'late.txt', Buffer.from('too late\n'))
    await expect(addComment(o.requester, { number: t.number, body: 'hello?', attachmentIds: [staged.id] })).rejects.toBeInstanceOf(ValidationError)
    expect(await rowById(o, staged.id)).toMatchObject({ ticketId: null })
    const open = await ticketIn(o, 'open')
    await addComment(o.requester, { number: open.number, body: 'here instead', attachmentIds: [staged.id] })
    expect(await rowById(o, staged.id)).toMatchObject({ ticketId: open.id })
  })
})

describe('who may download', () => {
  let o: TestOrg
  beforeAll(async () => { o = await makeOrg() })

  it('a requester cannot fetch an internal note’s file, nor another requester’s, by id or by guess', async () => {
    const t = await ticketIn(o, 'in_progress')
    const noteFile = await upload(o.agent, 'internal.txt', Buffer.from('staff eyes only\n'))
    await addComment(o.agent, { number: t.number, body: 'see log', internal: true, attachmentIds: [noteFile.id] })
    await expect(authorizeDownload(o.requester, noteFile.id, 'original')).rejects.toBeInstanceOf(NotFoundError)
    expect(await ticketAttachments(o.requester, t.id)).toEqual([])
    expect(await attachmentTimeline(o.requester, t.id)).toEqual([])
    expect((await fetchBytes(o.agent2, noteFile.id)).toString()).toBe('staff eyes only\n')

    const theirs = await upload(o.requester2, 'mine.txt', Buffer.from('requester2\n'))
    const t2 = await createTicket(o.requester2, { title: 'Mine', description: 'mine', attachmentIds: [theirs.id] })
    await expect(authorizeDownload(o.requester, theirs.id, 'original')).rejects.toBeInstanceOf(NotFoundError)
    expect(await ticketAttachments(o.requester, t2.id)).toEqual([])
    await expect(authorizeDownload(o.requester, randomUUID(), 'original')).rejects.toBeInstanceOf(NotFoundError)
    // A staged upload is its uploader's alone.
    const staged = await upload(o.requester2, 'draft.txt', Buffer.from('draft\n'))
    await expect(authorizeDownload(o.agent, staged.id, 'original')).rejects.toBeInstanceOf(NotFoundError)
  })

  it('another organisation’s attachment is not found, by the route check or by a link for the wrong org', async () => {
    const other = await makeOrg()
    const t = await ticketIn(other, 'open', { by: other.requester })
    const f = await upload(other.requester, 'x.txt', Buffer.from('other org\n'))
    await addComment(other.requester, { number: t.number, body: 'file', attachmentIds: [f.id] })
    await expect(authorizeDownload(o.admin, f.id, 'original')).rejects.toBeInstanceOf(NotFoundError)
    expect(await loadLinkedFile(o.org.slug, f.id)).toBeNull()
    // A link signed for one org does not open the file under another org's URL.
    const q = Object.fromEntries(new URL(signFileLink(other.org.slug, f.id, 'original'), 'http://x').searchParams)
    expect(verifyFileLink(o.org.slug, f.id, q)).toBeNull()
  })

  it('an uncleared agent cannot fetch a sensitive ticket’s file; a cleared one can, and it is audited', async () => {
    const t = await ticketIn(o, 'new', { sensitive: true })
    const f = await upload(o.requester, 'statement.pdf', pdf())
    await addComment(o.requester, { number: t.number, body: 'my statement', attachmentIds: [f.id] })
    await expect(authorizeDownload(o.agent, f.id, 'original')).rejects.toBeInstanceOf(NotFoundError)
    const [cleared] = await clear(o, o.agent2)
    await authorizeDownload(cleared, f.id, 'original')
    await authorizeDownload(o.admin, f.id, 'original')
    expect(await auditCount(o, 'attachment.downloaded', f.id)).toBe(2)
    await authorizeDownload(o.requester, f.id, 'original')
    expect(await auditCount(o, 'attachment.downloaded', f.id)).toBe(2)
  })

  it('a soft-deleted ticket hides its files from everyone, links already issued included', async () => {
    const t = await ticketIn(o, 'open')
    const f = await upload(o.requester, 'gone.txt', Buffer.from('bye\n'))
    await addComment(o.requester, { number: t.number, body: 'file', attachmentIds: [f.id] })
    expect(await loadLinkedFile(o.org.slug, f.id)).not.toBeNull()
    await deleteTicket(o.admin, { number: t.number })
    for (const ctx of [o.requester, o.agent, o.admin]) await expect(authorizeDownload(ctx, f.id, 'original')).rejects.toBeInstanceOf(NotFoundError)
    expect(await loadLinkedFile(o.org.slug, f.id)).toBeNull()
    expect(await ticketAttachments(o.admin, t.id)).toEqual([])
  })
})

describe('signed links', () => {
  const id = randomUUID()
  const q = (link: string) => Object.fromEntries(new URL(link, 'http://x').searchParams)

  it('an expired link is refused', () => {
    const link = q(signFileLink('acme', id, 'original', Date.now() - 6 * 60_000))
    expect(verifyFileLink('acme', id, link)).toBeNull()
    expect(verifyFileLink('acme', id, q(signFileLink('acme', id, 'original')))).toBe('original')
  })

  it('a forged, altered or stretched link is refused', () => {
    const good = q(signFileLink('acme', id, 'thumb'))
    expect(verifyFileLink('acme', id, { ...good, sig: good.sig.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) })).toBeNull()
    expect(verifyFileLink('acme', randomUUID(), good)).toBeNull()
    expect(verifyFileLink('acme', id, { ...good, v: 'original' })).toBeNull()
    expect(verifyFileLink('acme', id, { ...good, exp: String(Number(good.exp) + 3600) })).toBeNull()
    expect(verifyFileLink('acme', id, { v: 'original', exp: good.exp, sig: '' })).toBeNull()
    // A correctly signed link that claims a far expiry is still refused: we never issue those.
    expect(verifyFileLink('acme', id, q(signFileLink('acme', id, 'original', Date.now(), 86_400)))).toBeNull()
  })
})

describe('deleting and cleaning up', () => {
  let o: TestOrg
  beforeAll(async () => { o = await makeOrg() })

  it('the uploader or an admin may delete a file (audited, bytes purged by a queued job); another agent may not', async () => {
    const t = await ticketIn(o, 'in_progress')
    const f = await upload(o.agent, 'wrong.txt', Buffer.from('oops\n'))
    await addComment(o.agent, { number: t.number, body: 'file', attachmentIds: [f.id] })
    await expect(deleteAttachment(o.agent2, { id: f.id })).rejects.toBeInstanceOf(ForbiddenError)
    await expect(deleteAttachment(o.requester, { id: f.id })).rejects.toBeInstanceOf(ForbiddenError)
    await deleteAttachment(o.agent, { id: f.id })
    expect((await rowById(o, f.id)).deletedById).toBe(o.agent.user.id)
    expect(await auditCount(o, 'attachment.deleted', f.id)).toBe(1)
    await expect(authorizeDownload(o.requester, f.id, 'original')).rejects.toBeInstanceOf(NotFoundError)
    const purge = await o.db.select().from(jobs).where(and(eq(jobs.organizationId, o.org.id), eq(jobs.queue, PURGE_QUEUE)))
    expect(purge).toHaveLength(1)
    expect((await attachmentTimeline(o.agent, t.id)).map((e) => e.text)).toEqual(['attached “wrong.txt”', 'deleted the attachment “wrong.txt”'])

    const g = await upload(o.requester, 'mine.txt', Buffer.from('mine\n'))
    await addComment(o.requester, { number: t.number, body: 'file', attachmentIds: [g.id] })
    await deleteAttachment(o.admin, { id: g.id })
    await expect(deleteAttachment(o.admin, { id: g.id })).rejects.toBeInstanceOf(NotFoundError)
  })

  it('an unsent upload can be discarded by its uploader only, and expired ones are swept with their bytes', async () => {
    const f = await upload(o.requester, 'draft.txt', Buffer.from('draft\n'))
    await expect(discardUpload(o.requester2, { id: f.id })).rejects.toBeInstanceOf(NotFoundError)
    await discardUpload(o.requester, { id: f.id })
    expect(await rowById(o, f.id)).toBeUndefined()

    const old = await upload(o.requester, 'old.txt', Buffer.from('old\n'))
    const row = await rowById(o, old.id)
    await o.db.update(attachments).set({ expiresAt: new Date(Date.now() - 1000) }).where(and(eq(attachments.organizationId, o.org.id), eq(attachments.id, old.id)))
    const t = await ticketIn(o, 'open')
    const errors = await fieldErrorsOf(addComment(o.requester, { number: t.number, body: 'late', attachmentIds: [old.id] }))
    expect(errors.attachments?.[0]).toMatch(/no longer available/)
    expect(await removeExpiredUploads(o.db)).toBeGreaterThanOrEqual(1)
    expect(await rowById(o, old.id)).toBeUndefined()
    expect(fs.existsSync(path.join(root, row.storageKey))).toBe(false)
  })

  it('requesters may send at most ten files with one message', async () => {
    const ids = Array.from({ length: 11 }, () => randomUUID())
    const t = await ticketIn(o, 'open')
    const errors = await fieldErrorsOf(addComment(o.requester, { number: t.number, body: 'many', attachmentIds: ids }))
    expect(errors.attachmentIds?.[0]).toMatch(/at most 10/)
  })
})

describe('the signed-link route', () => {
  it('serves with safe headers and refuses a bad signature', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'open')
    const f = await upload(o.requester, 'rapport été.txt', Buffer.from('<script>alert(1)</script>\n'))
    await addComment(o.requester, { number: t.number, body: 'file', attachmentIds: [f.id] })
    const { GET } = await import('@/app/api/[org]/attachments/[id]/file/route')
    const { NextRequest } = await import('next/server')
    const call = (link: string) => GET(new NextRequest(new URL(link, 'http://localhost')), { params: Promise.resolve({ org: o.org.slug, id: f.id }) })
    const res = await call(signFileLink(o.org.slug, f.id, 'original'))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('content-security-policy')).toContain('sandbox')
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="rapport ete.txt"; filename*=UTF-8''rapport%20%C3%A9t%C3%A9.txt`)
    expect(await text(res.body as never)).toBe('<script>alert(1)</script>\n')
    expect((await call(signFileLink(o.org.slug, f.id, 'original').replace(/sig=[^&]+/, 'sig=forged'))).status).toBe(403)
    expect((await call(signFileLink(o.org.slug, f.id, 'original', Date.now() - 10 * 60_000))).status).toBe(403)
  })
})
