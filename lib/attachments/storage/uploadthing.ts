import 'server-only'
import fs from 'node:fs'
import { Readable } from 'node:stream'
import { UTApi, UTFile } from 'uploadthing/server'
import type { AttachmentStorage, LinkInput, PutInput } from './types'

type Options = ConstructorParameters<typeof UTApi>[0]

/**
 * uploadthing (production, when UPLOADTHING_TOKEN is set). Files are uploaded from the
 * server with the SDK's UTApi under a *private* ACL, so the only way to read one is a
 * signed URL, which the app hands out after its own authorisation check.
 */
export class UploadThingStorage implements AttachmentStorage {
  readonly name = 'uploadthing' as const
  private readonly api: UTApi

  /** Options override the UPLOADTHING_* environment (the contract test points them at a local stand-in). */
  constructor(options: Options = {}) {
    this.api = new UTApi({ logLevel: 'Error', ...options })
  }

  async put(input: PutInput) {
    // A file-backed Blob: the SDK's multipart body streams it from disk instead of holding it in memory.
    const blob = await fs.openAsBlob(input.path, { type: input.contentType })
    const file = new UTFile([blob], input.filename, { type: input.contentType })
    const res = await this.api.uploadFiles(file, { acl: 'private', contentDisposition: input.disposition })
    if (res.error) throw new Error(`uploadthing upload failed: ${res.error.code}: ${res.error.message}`)
    return { key: res.data.key }
  }

  async signedUrl(input: LinkInput) {
    // Signed locally with the token's key (no API round trip); uploadthing checks it and the expiry.
    const { ufsUrl } = await this.api.generateSignedURL(input.key, { expiresIn: input.expiresInSeconds })
    return ufsUrl
  }

  async open(key: string) {
    const url = await this.signedUrl({ key, filename: '', contentType: '', disposition: 'attachment', expiresInSeconds: 60 })
    const res = await fetch(url!)
    if (!res.ok || !res.body) throw new Error(`uploadthing download failed: HTTP ${res.status}`)
    return { stream: Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), size: Number(res.headers.get('content-length') ?? 0) }
  }

  async remove(keys: string[]) {
    if (keys.length) await this.api.deleteFiles(keys)
  }
}
