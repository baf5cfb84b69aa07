import 'server-only'
import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type'
import { allowedExtensions, allowedTypes, extensionOf } from './limits'

/** Bytes the sniffer needs from the start of a file (file-type's own minimum). */
export const SNIFF_BYTES = 4100

export type Sniffed = { ok: true; mime: string } | { ok: false; reason: string }

const officeByExt: Record<string, string> = {
  doc: 'application/msword', xls: 'application/vnd.ms-excel', ppt: 'application/vnd.ms-powerpoint',
}

/**
 * Decides a file's type from its bytes, never from the name or the browser's claim (§8).
 * `head` is the first bytes (enough to refuse an executable before the rest arrives);
 * `path` is the complete file, read again only for ZIP-based formats whose identity
 * (docx, xlsx, odt…) lies in the archive's entries.
 */
export async function sniffType(head: Uint8Array, path: string | null, filename: string): Promise<Sniffed> {
  const ext = extensionOf(filename)
  let found = await fileTypeFromBuffer(head)
  if (found?.mime === 'application/zip' && path) found = (await fileTypeFromFile(path)) ?? found
  let mime: string | undefined = found?.mime
  // Legacy Office files are OLE compound documents; the container does not say which application.
  if (found?.ext === 'cfb') mime = officeByExt[ext]
  if (!found) {
    if (!looksLikeText(head)) return { ok: false, reason: 'its contents are not a recognised file type' }
    mime = ext === 'csv' ? 'text/csv' : 'text/plain'
  }
  const type = allowedTypes.find((t) => t.mime === mime)
  if (!type) {
    const what = found ? `a .${found.ext} file (${found.mime})` : 'an unsupported file'
    return { ok: false, reason: `it is ${what}, which is not an accepted type` }
  }
  // An allowed extension must match the bytes: an executable or archive renamed .png is refused.
  if (ext && !type.exts.includes(ext)) {
    return allowedExtensions.includes(ext)
      ? { ok: false, reason: `its name ends in .${ext} but its contents are a ${type.label}` }
      : { ok: false, reason: `.${ext} files are not accepted` }
  }
  return { ok: true, mime: type.mime }
}

/** Valid UTF-8 without NULs or stray control characters (tabs, newlines, form feeds and ESC allowed). */
export function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0) return true
  let text: string
  try {
    // `stream: true` tolerates a multi-byte character cut at the end of the sample.
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true })
  } catch {
    return false
  }
  return !/[\u0000-\u0008\u000e-\u001a\u001c-\u001f\u007f]/.test(text)
}

const allowedMimes = new Set(allowedTypes.map((t) => t.mime))

/**
 * A refusal decided from the first bytes alone, so an executable is stopped before the
 * rest of it is written. Only definite answers: ZIP and OLE containers wait for the whole file.
 */
export async function refuseEarly(head: Uint8Array): Promise<string | null> {
  const found = await fileTypeFromBuffer(head)
  if (!found || found.ext === 'cfb' || allowedMimes.has(found.mime)) return null
  return `it is a .${found.ext} file (${found.mime}), which is not an accepted type`
}
