import type { OrgSettings } from '@/db/enums'

// Client-safe: the picker checks sizes and extensions before uploading; the server decides.

export const MB = 1024 * 1024
export const DEFAULT_MAX_FILE_MB = 25
export const DEFAULT_MAX_TICKET_MB = 100
/** Files on one message (a reply, a note, a new ticket's description). */
export const MAX_FILES_PER_MESSAGE = 10
/** Uploads waiting to be sent with a message, per person and organisation. */
export const MAX_STAGED_UPLOADS = 20
/** How long an upload waits for its message before it is removed. */
export const STAGED_TTL_MS = 24 * 60 * 60 * 1000
export const MAX_FILENAME_LENGTH = 150

export type AttachmentLimits = { maxFileBytes: number; maxTicketBytes: number }

export function attachmentLimits(settings: Pick<OrgSettings, 'maxAttachmentMb' | 'maxTicketAttachmentsMb'>): AttachmentLimits {
  const file = settings.maxAttachmentMb ?? DEFAULT_MAX_FILE_MB
  const ticket = Math.max(settings.maxTicketAttachmentsMb ?? DEFAULT_MAX_TICKET_MB, file)
  return { maxFileBytes: file * MB, maxTicketBytes: ticket * MB }
}

export type FileKind = 'image' | 'pdf' | 'document' | 'spreadsheet' | 'presentation' | 'text' | 'archive'

/** Every accepted type: the sniffed MIME type, the extensions a name may carry, and what people call it. */
export const allowedTypes: { mime: string; exts: string[]; kind: FileKind; label: string }[] = [
  { mime: 'image/jpeg', exts: ['jpg', 'jpeg', 'jfif'], kind: 'image', label: 'JPEG image' },
  { mime: 'image/png', exts: ['png'], kind: 'image', label: 'PNG image' },
  { mime: 'image/gif', exts: ['gif'], kind: 'image', label: 'GIF image' },
  { mime: 'image/webp', exts: ['webp'], kind: 'image', label: 'WebP image' },
  { mime: 'image/avif', exts: ['avif'], kind: 'image', label: 'AVIF image' },
  { mime: 'image/heic', exts: ['heic', 'heif'], kind: 'image', label: 'HEIC photo' },
  { mime: 'image/heif', exts: ['heic', 'heif'], kind: 'image', label: 'HEIF photo' },
  { mime: 'image/tiff', exts: ['tif', 'tiff'], kind: 'image', label: 'TIFF image' },
  { mime: 'image/bmp', exts: ['bmp'], kind: 'image', label: 'BMP image' },
  { mime: 'application/pdf', exts: ['pdf'], kind: 'pdf', label: 'PDF' },
  { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', exts: ['docx'], kind: 'document', label: 'Word document' },
  { mime: 'application/msword', exts: ['doc'], kind: 'document', label: 'Word document' },
  { mime: 'application/vnd.oasis.opendocument.text', exts: ['odt'], kind: 'document', label: 'OpenDocument text' },
  { mime: 'application/rtf', exts: ['rtf'], kind: 'document', label: 'Rich text document' },
  { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', exts: ['xlsx'], kind: 'spreadsheet', label: 'Excel spreadsheet' },
  { mime: 'application/vnd.ms-excel', exts: ['xls'], kind: 'spreadsheet', label: 'Excel spreadsheet' },
  { mime: 'application/vnd.oasis.opendocument.spreadsheet', exts: ['ods'], kind: 'spreadsheet', label: 'OpenDocument spreadsheet' },
  { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', exts: ['pptx'], kind: 'presentation', label: 'PowerPoint presentation' },
  { mime: 'application/vnd.ms-powerpoint', exts: ['ppt'], kind: 'presentation', label: 'PowerPoint presentation' },
  { mime: 'application/vnd.oasis.opendocument.presentation', exts: ['odp'], kind: 'presentation', label: 'OpenDocument presentation' },
  { mime: 'text/plain', exts: ['txt', 'log', 'md'], kind: 'text', label: 'Text file' },
  { mime: 'text/csv', exts: ['csv'], kind: 'text', label: 'CSV file' },
  { mime: 'application/zip', exts: ['zip'], kind: 'archive', label: 'ZIP archive' },
]

export const allowedExtensions = [...new Set(allowedTypes.flatMap((t) => t.exts))]
/** For the file input's `accept`: a hint to the OS picker, not a check. */
export const acceptAttribute = allowedExtensions.map((e) => `.${e}`).join(',')

/** Images the browser can display and sharp can shrink: these get a thumbnail and open inline. */
export const previewableImages = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif'])

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
}

export function typeLabel(mime: string): string {
  return allowedTypes.find((t) => t.mime === mime)?.label ?? mime
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < MB) return `${Math.round(n / 1024)} KB`
  const mb = n / MB
  return `${mb < 10 ? mb.toFixed(1).replace(/\.0$/, '') : Math.round(mb)} MB`
}
