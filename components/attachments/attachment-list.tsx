'use client'
import { useRef, useState } from 'react'
import { useTranslations } from 'next-intl'
import { ActionForm } from '@/components/ui/action-form'
import { buttonClass } from '@/components/ui/button'
import type { ActionState } from '@/lib/actions/state'
import { extensionOf, formatBytes, typeLabel } from '@/lib/attachments/limits'

export type AttachmentItem = {
  id: string; filename: string; contentType: string; size: number; thumbnail: boolean
  width: number | null; height: number | null; canDelete: boolean
}

type DeleteAction = (prev: ActionState, form: FormData) => Promise<ActionState>

/**
 * A message's files: photos as thumbnails opening a lightbox, everything else as a chip
 * with name, type and size. Every link goes through the authorising download route.
 */
export function AttachmentList({ org, items, deleteAction }: { org: string; items: AttachmentItem[]; deleteAction?: DeleteAction }) {
  const t = useTranslations('tickets.attachmentList')
  const [open, setOpen] = useState<number | null>(null)
  const dialog = useRef<HTMLDialogElement>(null)
  if (items.length === 0) return null
  const base = `/api/${encodeURIComponent(org)}/attachments`
  const images = items.filter((i) => i.thumbnail)
  const others = items.filter((i) => !i.thumbnail)
  const current = open === null ? null : images[open]
  const show = (n: number) => {
    setOpen(n)
    if (!dialog.current?.open) dialog.current?.showModal()
  }
  const step = (d: number) => open !== null && setOpen((open + d + images.length) % images.length)

  return (
    <div className="mt-3 space-y-2">
      {images.length > 0 && (
        <ul aria-label={t('photos')} className="flex flex-wrap gap-2">
          {images.map((img, n) => (
            <li key={img.id} className="group relative">
              <button type="button" onClick={() => show(n)} aria-label={t('view', { filename: img.filename })}
                className="block overflow-hidden rounded-md ring-1 ring-slate-200 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600">
                {/* eslint-disable-next-line @next/next/no-img-element -- served by our authorising route, not next/image */}
                <img src={`${base}/${img.id}?variant=thumb`} alt={img.filename} loading="lazy"
                  width={thumbSize(img).w} height={thumbSize(img).h} className="h-28 w-auto max-w-[12rem] bg-slate-100 object-cover" />
              </button>
              {deleteAction && img.canDelete && <DeleteFile org={org} item={img} action={deleteAction} className="absolute right-1 top-1" />}
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <ul aria-label={t('files')} className="flex flex-wrap gap-2">
          {others.map((f) => (
            <li key={f.id} className="flex items-center gap-1 rounded-md bg-white py-1 pl-2 pr-1 text-sm ring-1 ring-slate-200">
              <a href={`${base}/${f.id}`} className="flex min-w-0 items-center gap-2 hover:underline" download={f.filename}>
                <span aria-hidden className="rounded bg-slate-100 px-1.5 py-0.5 text-[10px] font-semibold uppercase text-slate-600">{extensionOf(f.filename) || t('file')}</span>
                <span className="max-w-[16rem] truncate font-medium text-slate-800" title={f.filename}>{f.filename}</span>
                <span className="whitespace-nowrap text-xs text-slate-600">{typeLabel(f.contentType)} · {formatBytes(f.size)}</span>
              </a>
              {deleteAction && f.canDelete && <DeleteFile org={org} item={f} action={deleteAction} />}
            </li>
          ))}
        </ul>
      )}
      <dialog ref={dialog} aria-label={current?.filename ?? t('photo')} onClose={() => setOpen(null)}
        onKeyDown={(e) => { if (e.key === 'ArrowRight') step(1); if (e.key === 'ArrowLeft') step(-1) }}
        className="m-auto max-h-[95vh] w-[min(64rem,calc(100%-2rem))] rounded-lg bg-slate-900 p-0 text-white shadow-2xl backdrop:bg-slate-950/80">
        {current && (
          <figure className="flex max-h-[95vh] flex-col">
            <figcaption className="flex flex-wrap items-center gap-2 px-4 py-3 text-sm">
              <h2 className="min-w-0 flex-1 truncate font-medium" title={current.filename}>{current.filename}</h2>
              <span className="text-xs text-slate-300">
                {current.width && current.height ? `${current.width} × ${current.height} · ` : ''}{formatBytes(current.size)}
                {images.length > 1 && ` · ${t('position', { n: (open ?? 0) + 1, total: images.length })}`}
              </span>
              <a href={`${base}/${current.id}?download=1`} className={buttonClass('secondary', 'px-2.5 py-1 text-xs')}>{t('download')}</a>
              {/* autoFocus: the dialog opens on Close, so Enter or Escape takes you straight back. */}
              <button type="button" autoFocus onClick={() => dialog.current?.close()} className={buttonClass('ghost', 'px-2.5 py-1 text-xs text-white hover:bg-slate-700')}>{t('close')}</button>
            </figcaption>
            <div className="relative flex min-h-0 flex-1 items-center justify-center bg-black">
              {/* eslint-disable-next-line @next/next/no-img-element -- the original, through the authorising route */}
              <img key={current.id} src={`${base}/${current.id}`} alt={current.filename} className="max-h-[80vh] w-auto max-w-full object-contain" />
              {images.length > 1 && (
                <>
                  <button type="button" onClick={() => step(-1)} aria-label={t('previous')} className="absolute left-2 top-1/2 -translate-y-1/2 rounded-full bg-slate-800/80 px-3 py-2 text-lg hover:bg-slate-700">{'‹'}</button>
                  <button type="button" onClick={() => step(1)} aria-label={t('next')} className="absolute right-2 top-1/2 -translate-y-1/2 rounded-full bg-slate-800/80 px-3 py-2 text-lg hover:bg-slate-700">{'›'}</button>
                </>
              )}
            </div>
          </figure>
        )}
      </dialog>
    </div>
  )
}

function DeleteFile({ org, item, action, className = '' }: { org: string; item: AttachmentItem; action: DeleteAction; className?: string }) {
  const t = useTranslations('tickets.attachmentList')
  return (
    <div className={className}>
      <ActionForm action={action} fields={{ org, id: item.id }} variant="ghost" className="bg-white/90 px-1.5 py-0.5 text-xs text-slate-600 hover:text-rose-700"
        label={<><span aria-hidden>{'✕'}</span><span className="sr-only">{t('deleteLabel', { filename: item.filename })}</span></>} pendingLabel={t('deleting')}
        confirm={{ title: t('confirmTitle', { filename: item.filename }), body: t('confirmBody'), confirmLabel: t('confirmLabel') }} />
    </div>
  )
}

function thumbSize(img: AttachmentItem) {
  if (!img.width || !img.height) return { w: 160, h: 112 }
  return { w: Math.round((img.width / img.height) * 112), h: 112 }
}
