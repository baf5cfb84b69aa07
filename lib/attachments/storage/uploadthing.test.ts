/**
 * Contract test for the uploadthing backend. uploadthing's servers cannot be reached from
 * here, so this runs the real SDK (UTApi from the `uploadthing` package, unmocked) against
 * a LOCAL STAND-IN: a small HTTP server written from the SDK's source
 * (node_modules/uploadthing/server/index.js, @uploadthing/shared's crypto) that speaks the
 * documented upload API the SDK uses:
 *   - PUT  <ingest>/<fileKey>?expires&x-ut-*&signature=hmac-sha256=…   multipart body, field "file"
 *   - GET  <ufs>/a/<appId>/<fileKey>?expires&signature=…                 signed download
 *   - POST <api>/v6/deleteFiles  { fileKeys }  with x-uploadthing-api-key
 * The stand-in checks signatures with the token's key, expiry and the private ACL, so a
 * change in how we call the SDK (or in the SDK) that breaks those shows up here. It cannot
 * prove uploadthing's real service behaves the same.
 */
import http from 'node:http'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import busboy from 'busboy'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { attachments, jobs } from '@/db/schema'
import { addComment } from '@/lib/comments/add-comment'
import { makeOrg } from '@/test/factory'
import { ticketIn } from '@/test/tickets'
import { image, upload } from '@/test/uploads'
import { authorizeDownload } from '../access'
import { purgeStoredFiles } from '../cleanup'
import { deleteAttachment, PURGE_QUEUE } from '../delete-attachment'
import { activeStorage, storageNamed } from '.'
import { UploadThingStorage } from './uploadthing'

const apiKey = 'sk_test_standin_secret'
const appId = 'standinapp'
const token = Buffer.from(JSON.stringify({ apiKey, appId, regions: ['local'] })).toString('base64')

type Stored = { bytes: Buffer; name: string; type: string; acl: string; disposition: string }
const objects = new Map<string, Stored>()
const seen: { method: string; path: string; range?: string }[] = []
let server: http.Server
let port = 0

/** The SDK signs the whole URL before it appends `&signature=…`; verify exactly that. */
function signedOk(req: http.IncomingMessage): URLSearchParams | null {
  const full = `http://${req.headers.host}${req.url}`
  const at = full.lastIndexOf('&signature=')
  if (at < 0) return null
  const payload = full.slice(0, at)
  const got = decodeURIComponent(full.slice(at + '&signature='.length))
  const want = `hmac-sha256=${createHmac('sha256', apiKey).update(payload).digest('hex')}`
  if (got.length !== want.length || !timingSafeEqual(Buffer.from(got), Buffer.from(want))) return null
  const q = new URL(full).searchParams
  return Number(q.get('expires')) > Date.now() ? q : null
}

function standIn(req: http.IncomingMessage, res: http.ServerResponse) {
  const url = new URL(req.url!, `http://${req.headers.host}`)
  seen.push({ method: req.method!, path: url.pathname, range: req.headers.range })
  const reply = (status: number, body: unknown) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)) }
  if (req.method === 'PUT') {
    const q = signedOk(req)
    if (!q) return reply(403, { error: 'Invalid signature' })
    const key = url.pathname.slice(1)
    const dec = (k: string) => decodeURIComponent(q.get(k) ?? '')
    if (dec('x-ut-identifier') !== appId) return reply(403, { error: 'Wrong app' })
    const bb = busboy({ headers: req.headers })
    const chunks: Buffer[] = []
    bb.on('file', (_field, stream) => stream.on('data', (c: Buffer) => chunks.push(c)))
    bb.on('close', () => {
      const bytes = Buffer.concat(chunks)
      if (bytes.length !== Number(dec('x-ut-file-size'))) return reply(400, { error: 'Size mismatch' })
      objects.set(key, { bytes, name: dec('x-ut-file-name'), type: dec('x-ut-file-type'), acl: dec('x-ut-acl'), disposition: dec('x-ut-content-disposition') })
      const ufsUrl = `http://localhost:${port}/a/${appId}/${key}`
      reply(200, { url: ufsUrl, appUrl: ufsUrl, ufsUrl, fileHash: createHash('md5').update(bytes).digest('hex') })
    })
    req.pipe(bb)
    return
  }
  if (req.method === 'GET' && url.pathname.startsWith(`/a/${appId}/`)) {
    const obj = objects.get(url.pathname.slice(`/a/${appId}/`.length))
    if (!obj) return reply(404, { error: 'Not found' })
    // A private file is served only on a valid, unexpired signed URL.
    if (obj.acl === 'private' && !signedOk(req)) return reply(403, { error: 'Unauthorized' })
    res.writeHead(200, { 'content-type': obj.type, 'content-length': obj.bytes.length, 'content-disposition': `${obj.disposition}; filename="${obj.name}"` })
    res.end(obj.bytes)
    return
  }
  if (req.method === 'POST' && url.pathname === '/v6/deleteFiles') {
    if (req.headers['x-uploadthing-api-key'] !== apiKey) return reply(401, { error: 'Invalid API key' })
    let body = ''
    req.on('data', (c) => { body += c })
    req.on('end', () => {
      const { fileKeys } = JSON.parse(body) as { fileKeys: string[] }
      let deletedCount = 0
      for (const k of fileKeys) if (objects.delete(k)) deletedCount++
      reply(200, { success: true, deletedCount })
    })
    return
  }
  reply(404, { error: `No route ${req.method} ${url.pathname}` })
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-ut-test-'))
const options = () => ({ token, ingestUrl: `http://127.0.0.1:${port}`, apiUrl: `http://127.0.0.1:${port}`, ufsHost: `localhost:${port}`, ufsAppIdLocation: 'path' as const })

beforeAll(async () => {
  server = http.createServer(standIn)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  port = (server.address() as AddressInfo).port
})
afterAll(async () => {
  await new Promise((r) => server.close(r))
  fs.rmSync(tmp, { recursive: true, force: true })
})

function tempFile(bytes: Buffer) {
  const p = path.join(tmp, `f-${Math.random().toString(36).slice(2)}`)
  fs.writeFileSync(p, bytes)
  return p
}

describe('UploadThingStorage against the stand-in', () => {
  it('uploads from the server with a private ACL, and reads back only through a signed URL', async () => {
    const store = new UploadThingStorage(options())
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 17, 7)
    const { key } = await store.put({ path: tempFile(bytes), filename: 'report.pdf', contentType: 'application/pdf', size: bytes.length, disposition: 'attachment' })
    expect(objects.get(key)).toMatchObject({ name: 'report.pdf', type: 'application/pdf', acl: 'private', disposition: 'attachment' })
    expect(objects.get(key)!.bytes.equals(bytes)).toBe(true)
    expect(seen.find((s) => s.method === 'PUT')?.range).toBe('bytes=0-')

    const link = (await store.signedUrl({ key, filename: 'report.pdf', contentType: 'application/pdf', disposition: 'attachment', expiresInSeconds: 300 }))!
    const expires = Number(new URL(link).searchParams.get('expires'))
    expect(expires - Date.now()).toBeLessThanOrEqual(300_000)
    const res = await fetch(link)
    expect(res.status).toBe(200)
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true)

    // Without the signature, or with the expiry stretched, the private file is refused.
    expect((await fetch(link.split('?')[0])).status).toBe(403)
    expect((await fetch(link.replace(/expires=\d+/, `expires=${expires + 3_600_000}`))).status).toBe(403)

    await store.remove([key])
    expect(objects.has(key)).toBe(false)
  })

  it('a wrong token is refused by the service, and the error reaches the caller', async () => {
    const bad = Buffer.from(JSON.stringify({ apiKey: 'sk_wrong', appId, regions: ['local'] })).toString('base64')
    const store = new UploadThingStorage({ ...options(), token: bad })
    await expect(store.put({ path: tempFile(Buffer.from('x')), filename: 'x.txt', contentType: 'text/plain', size: 1, disposition: 'attachment' }))
      .rejects.toThrow(/uploadthing upload failed/)
  })
})

describe('switching to uploadthing is configuration only', () => {
  it('with UPLOADTHING_TOKEN set, uploads, thumbnails, downloads and deletions go to uploadthing', async () => {
    const env = { UPLOADTHING_TOKEN: token, UPLOADTHING_INGEST_URL: `http://127.0.0.1:${port}`, UPLOADTHING_API_URL: `http://127.0.0.1:${port}`, UPLOADTHING_UFS_HOST: `localhost:${port}`, UPLOADTHING_UFS_APP_ID_LOCATION: 'path' }
    Object.assign(process.env, env)
    try {
      expect(activeStorage().name).toBe('uploadthing')
      const o = await makeOrg()
      const t = await ticketIn(o, 'in_progress')
      const photo = await image('jpeg', 1200, 900)
      const before = objects.size
      const staged = await upload(o.agent, 'pole.jpg', photo)
      expect(objects.size).toBe(before + 2) // the photo and its thumbnail
      await addComment(o.agent, { number: t.number, body: 'Pole photo', attachmentIds: [staged.id] })
      const a = await authorizeDownload(o.requester, staged.id, 'original')
      expect(a.storage).toBe('uploadthing')
      expect(objects.get(a.storageKey)).toMatchObject({ acl: 'private', disposition: 'inline', type: 'image/jpeg' })
      const link = await storageNamed(a.storage).signedUrl({ key: a.storageKey, filename: a.filename, contentType: a.contentType, disposition: 'inline', expiresInSeconds: 300 })
      expect(Buffer.from(await (await fetch(link!)).arrayBuffer()).equals(photo)).toBe(true)

      await deleteAttachment(o.agent, { id: staged.id })
      const [job] = await o.db.select().from(jobs).where(and(eq(jobs.organizationId, o.org.id), eq(jobs.queue, PURGE_QUEUE)))
      await purgeStoredFiles(job)
      expect(objects.has(a.storageKey)).toBe(false)
      expect(objects.has(a.thumbnailKey!)).toBe(false)
      const [row] = await o.db.select().from(attachments).where(and(eq(attachments.organizationId, o.org.id), eq(attachments.id, staged.id)))
      expect(row.deletedAt).not.toBeNull()
    } finally {
      for (const k of Object.keys(env)) delete process.env[k]
    }
    expect(activeStorage().name).toBe('disk')
  })
})
