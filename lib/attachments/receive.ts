import 'server-only'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { once } from 'node:events'
import { createHash, randomUUID } from 'node:crypto'
import type { Readable } from 'node:stream'
import busboy from 'busboy'
import { TooLargeError, ValidationError } from '@/lib/errors'
import { sanitizeFilename } from './filename'
import { formatBytes } from './limits'
import { refuseEarly, SNIFF_BYTES } from './sniff'

export type ReceivedFile = {
  /** A temporary file holding the complete upload; the caller moves it into storage or removes it. */
  path: string
  filename: string
  size: number
  sha256: string
  head: Uint8Array
}

export const tempDir = () => process.env.UPLOADS_TMP_DIR ?? os.tmpdir()

export function refused(filename: string, reason: string, Kind: typeof ValidationError = ValidationError) {
  const message = `“${filename}” can’t be attached: ${reason}.`
  return new Kind(message, { file: [message] })
}

/**
 * Reads one multipart upload (field `file`) as a stream: each chunk is hashed, counted
 * and appended to a temporary file as it arrives, so memory stays flat whatever the
 * file's size. The first bytes are sniffed as soon as they are in: an executable is
 * refused without writing the rest. Over `maxBytes`, reading stops at the limit.
 */
export async function receiveUpload(body: Readable, contentType: string, maxBytes: number): Promise<ReceivedFile> {
  let bb: busboy.Busboy
  try {
    bb = busboy({ headers: { 'content-type': contentType }, defParamCharset: 'utf8', limits: { files: 1, fileSize: maxBytes, fields: 5, fieldSize: 1024, parts: 10 } })
  } catch {
    throw new ValidationError('Send the file as multipart/form-data in a field named “file”.')
  }
  let job: Promise<ReceivedFile> | null = null
  const parsed = new Promise<void>((resolve, reject) => {
    bb.on('file', (field, stream, info) => {
      if (field !== 'file' || job) {
        stream.resume()
        return
      }
      job = writeTemp(stream, sanitizeFilename(info.filename ?? ''), maxBytes)
      // Rejections are collected below; this only keeps Node from reporting them as unhandled meanwhile.
      job.catch(() => {})
    })
    bb.on('close', resolve)
    bb.on('error', reject)
    body.on('error', reject)
  })
  body.pipe(bb)
  try {
    await parsed
  } catch (err) {
    // The client went away or sent a malformed body: drop whatever was written.
    if (job) await (job as Promise<ReceivedFile>).then((f) => fsp.rm(f.path, { force: true }), () => {})
    throw err instanceof ValidationError ? err : new ValidationError('The upload was interrupted or could not be read. Please try again.')
  }
  if (!job) throw new ValidationError('The upload contained no file.')
  return job
}

async function writeTemp(stream: Readable & { truncated?: boolean }, filename: string, maxBytes: number): Promise<ReceivedFile> {
  const file = path.join(tempDir(), `helpdesk-upload-${randomUUID()}`)
  const out = fs.createWriteStream(file, { flags: 'wx', mode: 0o600 })
  const hash = createHash('sha256')
  const head = Buffer.alloc(SNIFF_BYTES)
  let headLen = 0
  let size = 0
  let early: string | null = null
  let sniffed = false
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (early) continue // keep draining so the client gets our answer instead of a reset
      size += chunk.length
      hash.update(chunk)
      if (headLen < SNIFF_BYTES) headLen += chunk.copy(head, headLen, 0, Math.min(chunk.length, SNIFF_BYTES - headLen))
      if (!sniffed && headLen === SNIFF_BYTES) {
        sniffed = true
        early = await refuseEarly(head)
        if (early) continue
      }
      if (!out.write(chunk)) await once(out, 'drain')
    }
    out.end()
    await once(out, 'close')
    const headBytes = head.subarray(0, headLen)
    if (!early && !sniffed) early = await refuseEarly(headBytes)
    if (early) throw refused(filename, early)
    if (stream.truncated) throw refused(filename, `it is larger than the ${formatBytes(maxBytes)} limit`, TooLargeError)
    if (size === 0) throw refused(filename, 'the file is empty')
    return { path: file, filename, size, sha256: hash.digest('hex'), head: headBytes }
  } catch (err) {
    out.destroy()
    await fsp.rm(file, { force: true })
    throw err
  }
}
