'use client'
import { useCallback, useEffect, useId, useRef, useState, type DragEvent } from 'react'
import { useTranslations } from 'next-intl'
import { buttonClass } from '@/components/ui/button'
import { acceptAttribute, allowedExtensions, extensionOf, formatBytes, MAX_FILES_PER_MESSAGE } from '@/lib/attachments/limits'

type Item = {
  key: string
  file: File
  status: 'uploading' | 'done' | 'error'
  progress: number
  id?: string
  error?: string
  preview?: string
  /** Only a failure to reach the server (or a server fault) is worth sending again. */
  retryable?: boolean
  xhr?: XMLHttpRequest
}

/**
 * Files for a reply, note or new ticket (§8). Each file is uploaded on its own as soon as
 * it is chosen (progress per file), to the staging endpoint; the form then sends only the
 * returned ids with its text, so a failed upload never costs the message. Drop files on
 * the zone or use the button; each can be removed before sending.
 */
export type PickerState = { uploading: number; failed: number }

export function AttachmentPicker({ org, ticketNumber, maxFileBytes, onStateChange, error }: {
  org: string
  /** The ticket a reply is for: lets the server refuse early when the ticket's total would be exceeded. */
  ticketNumber?: number
  maxFileBytes: number
  /** Uploads still running, and files that failed: the form waits for the first and asks about the second. */
  onStateChange?: (state: PickerState) => void
  /** A server-side refusal of the files as a whole (e.g. an upload expired). */
  error?: string
}) {
  const t = useTranslations('tickets.attachmentPicker')
  const [items, setItems] = useState<Item[]>([])
  const [dragging, setDragging] = useState(false)
  const [announcement, setAnnouncement] = useState('')
  const input = useRef<HTMLInputElement>(null)
  const itemsRef = useRef(items)
  itemsRef.current = items
  const id = useId()

  const uploading = items.filter((i) => i.status === 'uploading').length
  const failed = items.filter((i) => i.status === 'error').length
  useEffect(() => { onStateChange?.({ uploading, failed }) }, [uploading, failed, onStateChange])
  // Uploads that are still running when the form goes away are abandoned; previews are freed.
  useEffect(() => () => {
    for (const i of itemsRef.current) {
      i.xhr?.abort()
      if (i.preview) URL.revokeObjectURL(i.preview)
    }
  }, [])

  const patch = useCallback((key: string, p: Partial<Item>) => {
    setItems((list) => list.map((i) => (i.key === key ? { ...i, ...p } : i)))
  }, [])

  const start = useCallback((item: Item) => {
    const xhr = new XMLHttpRequest()
    const url = `/api/${encodeURIComponent(org)}/attachments${ticketNumber ? `?ticket=${ticketNumber}` : ''}`
    xhr.open('POST', url)
    xhr.responseType = 'json'
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) patch(item.key, { progress: Math.round((e.loaded / e.total) * 100) }) }
    xhr.onload = () => {
      const body = xhr.response as { id?: string; message?: string; thumbnail?: boolean } | null
      if (xhr.status === 201 && body?.id) {
        // A preview only for what the server sniffed and accepted as an image (issue 18: an HTML
        // file named .png showed a broken thumbnail from its name alone).
        const preview = body.thumbnail ? URL.createObjectURL(item.file) : undefined
        patch(item.key, { status: 'done', progress: 100, id: body.id, xhr: undefined, preview })
        setAnnouncement(t('uploaded', { name: item.file.name }))
      } else {
        // The server refused the file (its type, its size, a limit): sending it again changes
        // nothing, so the message says why and only Remove is offered. 5xx may pass on a retry.
        const refused = xhr.status >= 400 && xhr.status < 500
        const message = refused
          ? t('refused', { reason: body?.message ?? t('refusedHttp', { name: item.file.name, status: xhr.status }) })
          : t('failed', { name: item.file.name, reason: body?.message ?? `HTTP ${xhr.status}` })
        patch(item.key, { status: 'error', error: message, xhr: undefined, retryable: !refused })
        setAnnouncement(message)
      }
    }
    xhr.onerror = () => {
      const message = t('unreachable', { name: item.file.name })
      patch(item.key, { status: 'error', error: message, xhr: undefined, retryable: true })
      setAnnouncement(message)
    }
    const form = new FormData()
    form.append('file', item.file)
    xhr.send(form)
    return xhr
  }, [org, ticketNumber, patch, t])

  const add = useCallback((files: FileList | File[]) => {
    const room = MAX_FILES_PER_MESSAGE - itemsRef.current.length
    const chosen = [...files]
    const next: Item[] = chosen.map((file, n) => {
      const key = `${Date.now()}-${Math.random().toString(36).slice(2)}`
      const ext = extensionOf(file.name)
      const base: Item = { key, file, status: 'error', progress: 0 }
      // Quick checks so nobody waits for an upload that is bound to be refused; the server decides.
      if (n >= room) return { ...base, error: t('tooMany', { name: file.name, max: MAX_FILES_PER_MESSAGE }) }
      if (file.size > maxFileBytes) return { ...base, error: t('tooLarge', { name: file.name, limit: formatBytes(maxFileBytes) }) }
      if (ext && !allowedExtensions.includes(ext)) return { ...base, error: t('badType', { name: file.name, ext }) }
      if (file.size === 0) return { ...base, error: t('empty', { name: file.name }) }
      return { ...base, status: 'uploading' }
    })
    for (const item of next) if (item.status === 'uploading') item.xhr = start(item)
    setItems((list) => [...list, ...next])
  }, [maxFileBytes, start, t])

  const remove = (item: Item) => {
    item.xhr?.abort()
    if (item.preview) URL.revokeObjectURL(item.preview)
    setItems((list) => list.filter((i) => i.key !== item.key))
    setAnnouncement(t('removed', { name: item.file.name }))
    // Frees the staged upload now; one left behind would expire by itself.
    if (item.id) fetch(`/api/${encodeURIComponent(org)}/attachments/${item.id}`, { method: 'DELETE' }).catch(() => {})
  }

  const retry = (item: Item) => {
    const fresh: Item = { ...item, status: 'uploading', progress: 0, error: undefined, retryable: undefined }
    fresh.xhr = start(fresh)
    setItems((list) => list.map((i) => (i.key === item.key ? fresh : i)))
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    setDragging(false)
    if (e.dataTransfer.files.length) add(e.dataTransfer.files)
  }

  return (
    <div className="space-y-2">
      <div role="group" aria-labelledby={`${id}-label`} aria-describedby={`${id}-hint`}
        onDragEnter={(e) => { e.preventDefault(); setDragging(true) }}
        onDragOver={(e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'copy' }}
        onDragLeave={(e) => { if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false) }}
        onDrop={onDrop}
        data-testid="attachment-dropzone"
        className={`flex flex-wrap items-center gap-3 rounded-md border border-dashed px-3 py-2.5 text-sm transition-colors ${dragging ? 'border-indigo-500 bg-indigo-50' : 'border-slate-300 bg-slate-50/60'}`}>
        <span id={`${id}-label`} className="sr-only">{t('label')}</span>
        <button type="button" onClick={() => input.current?.click()} className={buttonClass('secondary', 'px-2.5 py-1.5 text-xs')}>
          <PaperclipIcon /> {t('attach')}
        </button>
        <span id={`${id}-hint`} className="text-xs text-slate-600">
          {t('hint', { size: formatBytes(maxFileBytes) })}
        </span>
        <input ref={input} type="file" multiple accept={acceptAttribute} className="sr-only" tabIndex={-1} aria-hidden
          onChange={(e) => { if (e.target.files?.length) add(e.target.files); e.target.value = '' }} />
      </div>
      {items.length > 0 && (
        <ul aria-label={t('list')} className="space-y-1.5">
          {items.map((item) => (
            <li key={item.key} className={`flex items-center gap-3 rounded-md px-2 py-1.5 text-sm ring-1 ${item.status === 'error' ? 'bg-rose-50 ring-rose-200' : 'bg-white ring-slate-200'}`}>
              {item.preview
                // eslint-disable-next-line @next/next/no-img-element -- a local blob: preview, not an optimisable asset
                ? <img src={item.preview} alt="" className="h-9 w-9 flex-none rounded object-cover" />
                : <span aria-hidden className="flex h-9 w-9 flex-none items-center justify-center rounded bg-slate-100 text-[10px] font-semibold uppercase text-slate-600">{extensionOf(item.file.name) || t('file')}</span>}
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium text-slate-800" title={item.file.name}>{item.file.name}</p>
                {item.status === 'uploading' && (
                  <div className="mt-1 flex items-center gap-2">
                    <progress max={100} value={item.progress} aria-label={t('uploading', { name: item.file.name })} className="h-1.5 w-full overflow-hidden rounded [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-indigo-600" />
                    <span className="w-9 text-right text-xs tabular-nums text-slate-600">{item.progress}%</span>
                  </div>
                )}
                {item.status === 'done' && <p className="text-xs text-slate-600">{formatBytes(item.file.size)} · {t('ready')}</p>}
                {item.status === 'error' && <p className="text-xs text-rose-700">{item.error}</p>}
              </div>
              {item.status === 'done' && <input type="hidden" name="attachmentIds" value={item.id} />}
              {item.status === 'error' && item.retryable && (
                <button type="button" onClick={() => retry(item)} className={buttonClass('ghost', 'px-2 py-1 text-xs')}>
                  {t('retry')}<span className="sr-only"> {item.file.name}</span>
                </button>
              )}
              <button type="button" onClick={() => remove(item)} className={buttonClass('ghost', 'px-2 py-1 text-xs')}>
                {t('remove')}<span className="sr-only"> {item.file.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && <p role="alert" className="text-sm text-rose-600">{error}</p>}
      <p role="status" aria-live="polite" className="sr-only">{announcement}</p>
    </div>
  )
}

function PaperclipIcon() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" className="h-4 w-4">
      <path d="M15.5 9.5 10 15a3.5 3.5 0 0 1-5-5l6-6a2.3 2.3 0 0 1 3.3 3.3l-6 6a1.2 1.2 0 0 1-1.7-1.7L12 6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  )
}
