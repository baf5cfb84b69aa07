import type { Readable } from 'node:stream'

export type StorageName = 'disk' | 'uploadthing'

export type PutInput = {
  /** A complete file on local disk; the backend moves or streams it, never reads it into memory whole. */
  path: string
  filename: string
  contentType: string
  size: number
  /** How the backend should offer the file if it serves it itself (uploadthing does). */
  disposition: 'inline' | 'attachment'
}

export type LinkInput = { key: string; filename: string; contentType: string; disposition: 'inline' | 'attachment'; expiresInSeconds: number }

/** Where attachment bytes live (§8). Chosen by configuration only; see ./index.ts. */
export interface AttachmentStorage {
  readonly name: StorageName
  /** Stores the file and returns its key. */
  put(input: PutInput): Promise<{ key: string }>
  /**
   * A short-lived link to the bytes, or null when the app must stream them itself
   * (local disk: the app signs its own link, see lib/attachments/signed-link.ts).
   */
  signedUrl(input: LinkInput): Promise<string | null>
  /** A stream of the bytes, for backends the app serves itself. */
  open(key: string): Promise<{ stream: Readable; size: number }>
  /** Removes objects; missing keys are not an error. */
  remove(keys: string[]): Promise<void>
}
