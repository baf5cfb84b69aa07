// Server actions posted over plain HTTP exactly as React's form submission sends them
// (multipart body, Next-Action header with the build's action id), through bench/http.ts.
// Plain fetch rather than a browser: forty concurrent writes from one process, cheap on a
// 2-core machine, and each answer is read as the browser would read it.
import { actionBody, actionId, signIn, type Session } from '../../bench/http'
import { distDir } from './harness'

export { signIn, type Session }

export type Outcome = { ok: true; number?: number } | { ok: false; reason: string }

const ids = new Map<string, string>()
function id(name: string) {
  if (!ids.has(name)) ids.set(name, actionId(distDir, name, 'tickets/actions'))
  return ids.get(name)!
}

async function post(base: string, session: Session, pathname: string, action: string, fields: Record<string, string>): Promise<Response> {
  const { body, contentType } = actionBody(fields)
  return fetch(`${base}${pathname}`, {
    method: 'POST', redirect: 'manual', body,
    headers: { cookie: session.cookie, 'next-action': id(action), 'content-type': contentType, accept: 'text/x-component' },
  })
}

/** A requester files a ticket in the portal; success is the redirect to the new ticket. */
export async function createTicket(base: string, session: Session, org: string, title: string): Promise<Outcome> {
  try {
    const res = await post(base, session, `/${org}/portal/new`, 'createTicketAction', { org, title, description: `Fault test: ${title}`, priority: 'normal' })
    const target = res.headers.get('x-action-redirect') ?? res.headers.get('location') ?? ''
    const m = /\/portal\/(\d+)\?created=1/.exec(target)
    const text = await res.text()
    if (m) return { ok: true, number: Number(m[1]) }
    return { ok: false, reason: `status ${res.status}: ${text.slice(0, 200)}` }
  } catch (err) {
    return { ok: false, reason: `network: ${(err as Error).cause ?? (err as Error).message}` }
  }
}

/** An agent replies on a ticket; success is the action's `{ ok: true }` state in the answer. */
export async function reply(base: string, session: Session, org: string, number: number, body: string): Promise<Outcome> {
  try {
    const res = await post(base, session, `/${org}/tickets/${number}`, 'replyAction', { org, number: String(number), body })
    const text = await res.text()
    if (res.status === 200 && /"ok":true/.test(text)) return { ok: true }
    return { ok: false, reason: `status ${res.status}: ${(/"message":"([^"]*)"/.exec(text)?.[1]) ?? text.slice(0, 200)}` }
  } catch (err) {
    return { ok: false, reason: `network: ${(err as Error).cause ?? (err as Error).message}` }
  }
}
