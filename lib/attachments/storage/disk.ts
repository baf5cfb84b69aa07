import 'server-only'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import os from 'node:os'
import { randomUUID } from 'node:crypto'
import type { AttachmentStorage, PutInput } from './types'

/**
 * Where uploads live on disk: UPLOADS_DIR, else beside the embedded database
 * (`<PGLITE_DATA_DIR>-uploads`: PGlite refuses a data directory that holds anything else),
 * else ./data/uploads. In-memory test databases get a temporary folder.
 */
export function uploadsDir(): string {
  if (process.env.UPLOADS_DIR) return path.resolve(process.env.UPLOADS_DIR)
  const pglite = process.env.PGLITE_DATA_DIR
  if (pglite?.startsWith('memory://')) return path.join(os.tmpdir(), 'helpdesk-uploads')
  if (pglite && !process.env.DATABASE_URL) return path.resolve(`${pglite.replace(/[/\\]+$/, '')}-uploads`)
  return path.resolve('data', 'uploads')
}

// Keys are generated here (uuid, two-level fan-out), never derived from the user's filename.
const KEY = /^[0-9a-f]{2}\/[0-9a-f-]{36}$/

export class DiskStorage implements AttachmentStorage {
  readonly name = 'disk' as const
  constructor(readonly root = uploadsDir()) {}

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error('invalid storage key')
    return path.join(this.root, key)
  }

  async put(input: PutInput) {
    const id = randomUUID()
    const key = `${id.slice(0, 2)}/${id}`
    const dest = this.pathOf(key)
    await fsp.mkdir(path.dirname(dest), { recursive: true })
    try {
      await fsp.rename(input.path, dest)
    } catch (err) {
      // The temp folder may sit on another file system: copy (streamed by the kernel), then remove.
      if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err
      await fsp.copyFile(input.path, dest)
      await fsp.rm(input.path, { force: true })
    }
    return { key }
  }

  async signedUrl() {
    return null
  }

  async open(key: string) {
    const file = this.pathOf(key)
    const { size } = await fsp.stat(file)
    return { stream: fs.createReadStream(file), size }
  }

  async remove(keys: string[]) {
    await Promise.all(keys.map((k) => fsp.rm(this.pathOf(k), { force: true })))
  }
}
