import type { ServerAction } from '@/components/forms/use-server-action'
import type { ActionState } from '@/lib/actions/state'
import type { BulkResult } from '@/lib/tickets/bulk-schemas'

export type BulkProgress = { done: number; total: number }

const failed = (message: string): ActionState<BulkResult> => ({ ok: false, message, at: Date.now() })
/** What the bar says when the stream fails (translated by the caller: tickets.bulkBar.stream). */
export type BulkStreamText = { unreachable: string; serverError: string; lost: string }

/**
 * The bulk action as the form hook expects a server action, posted to the streaming route
 * (app/api/[org]/bulk) instead, so the bar can show each ticket's progress as it is applied.
 * The form's `payload` field is the JSON request, as the server action took it.
 */
export function streamedBulk(org: string, onProgress: (p: BulkProgress | null) => void, text: BulkStreamText): ServerAction<BulkResult> {
  return async (_prev, form) => {
    let res: Response
    try {
      res = await fetch(`/api/${encodeURIComponent(org)}/bulk`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: String(form.get('payload') ?? ''),
      })
    } catch {
      return failed(text.unreachable)
    }
    if (!res.ok || !res.body) {
      const body = await res.json().catch(() => null) as { message?: string } | null
      return failed(body?.message ?? text.serverError)
    }
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
    let buffered = ''
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        buffered += value
        let nl: number
        while ((nl = buffered.indexOf('\n')) >= 0) {
          const line = JSON.parse(buffered.slice(0, nl)) as { progress?: [number, number]; result?: BulkResult; error?: ActionState<BulkResult> }
          buffered = buffered.slice(nl + 1)
          if (line.progress) onProgress({ done: line.progress[0], total: line.progress[1] })
          if (line.result) return { ok: true, data: line.result, at: Date.now() }
          if (line.error) return line.error
        }
      }
    } catch {
      return failed(text.lost)
    } finally {
      onProgress(null)
    }
    return failed(text.lost)
  }
}
