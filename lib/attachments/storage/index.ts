import 'server-only'
import { DiskStorage } from './disk'
import { UploadThingStorage } from './uploadthing'
import type { AttachmentStorage, StorageName } from './types'

export type { AttachmentStorage, StorageName } from './types'

const instances = new Map<StorageName, AttachmentStorage>()

/** The backend that holds a stored file; each row names its own, so switching config never orphans old files. */
export function storageNamed(name: string): AttachmentStorage {
  if (name !== 'disk' && name !== 'uploadthing') throw new Error(`unknown attachment storage ${name}`)
  let s = instances.get(name)
  if (!s) {
    s = name === 'disk' ? new DiskStorage() : new UploadThingStorage()
    instances.set(name, s)
  }
  return s
}

/** Where new uploads go: uploadthing when UPLOADTHING_TOKEN is set, local disk otherwise (§1, §8). */
export function activeStorage(): AttachmentStorage {
  return storageNamed(process.env.UPLOADTHING_TOKEN ? 'uploadthing' : 'disk')
}
