import { MAX_FILENAME_LENGTH } from './limits'

// Client-safe. The name is only ever shown and sent back in Content-Disposition; files are
// stored under random keys, so a hostile name cannot reach the file system. It is still
// cleaned, because it is shown to other people and offered as a save-as name on their machines.

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g
/** Bidi overrides and isolates ("photo\u202Egnp.exe" shows as "photoexe.png"), zero-width and BOM characters. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g
const RESERVED = /[<>:"/\\|?*]/g
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i

/** A safe display and save-as name: no directories, no control or invisible characters, bounded length. */
export function sanitizeFilename(raw: string): string {
  // Browsers send a bare name, but some clients send a whole path (C:\Users\…\a.png, ../../etc/passwd).
  const base = raw.split(/[/\\]/).pop() ?? ''
  let name = base.normalize('NFC').replace(CONTROL, '').replace(INVISIBLE, '').replace(RESERVED, '_')
  name = name.replace(/\s+/g, ' ').replace(/^[\s.]+|[\s.]+$/g, '')
  if (!name) return 'file'
  if (WINDOWS_DEVICE.test(name)) name = `_${name}`
  const chars = [...name]
  if (chars.length <= MAX_FILENAME_LENGTH) return name
  const dot = name.lastIndexOf('.')
  const ext = dot > 0 && name.length - dot <= 11 ? name.slice(dot) : ''
  const stem = [...(ext ? name.slice(0, dot) : name)].slice(0, MAX_FILENAME_LENGTH - [...ext].length).join('').trimEnd()
  return `${stem}${ext}`
}
