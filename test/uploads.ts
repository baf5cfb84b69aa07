import { Readable } from 'node:stream'
import sharp from 'sharp'
import type { Ctx } from '@/lib/auth/ctx-type'
import { stageUpload } from '@/lib/attachments/stage-upload'
import { uid } from './factory'

/** A multipart/form-data body as a browser sends it, delivered in small chunks like a socket would. */
export function multipart(filename: string, bytes: Uint8Array, opts: { field?: string; type?: string; chunk?: number } = {}) {
  const boundary = `----helpdesk${uid()}`
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${opts.field ?? 'file'}"; filename="${filename}"\r\nContent-Type: ${opts.type ?? 'application/octet-stream'}\r\n\r\n`)
  const all = Buffer.concat([head, Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`)])
  const size = opts.chunk ?? 16 * 1024
  const chunks: Buffer[] = []
  for (let i = 0; i < all.length; i += size) chunks.push(all.subarray(i, i + size))
  return { body: Readable.from(chunks), contentType: `multipart/form-data; boundary=${boundary}`, contentLength: all.length }
}

export function upload(ctx: Ctx, filename: string, bytes: Uint8Array, opts: { ticketNumber?: number; type?: string } = {}) {
  return stageUpload(ctx, { ...multipart(filename, bytes, { type: opts.type }), ticketNumber: opts.ticketNumber })
}

/** A real photo-like JPEG/PNG made with sharp (noise so it does not compress to nothing). */
export async function image(format: 'png' | 'jpeg' = 'png', width = 900, height = 600): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3)
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 7 + (i >> 8) * 13) & 0xff
  const img = sharp(raw, { raw: { width, height, channels: 3 } })
  return format === 'png' ? img.png().toBuffer() : img.jpeg({ quality: 80 }).toBuffer()
}

/** The first bytes of real executables, padded: what a renamed binary looks like to the sniffer. */
export const elf = () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(8192, 0x90)])
export const pe = () => Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(8192, 0)])
export const pdf = (size = 2048) => Buffer.concat([Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'), Buffer.alloc(Math.max(0, size - 15), 0x20)])
