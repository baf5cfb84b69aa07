// Issue 12, fault 4: form posts whose bodies arrive in pieces, concurrently. Next 15.5's
// Node middleware copies the request body for the middleware and does not wait for the copy
// to finish before the page's handler reads it (vercel/next.js#85416, fixed in 16 by #85418
// and not backported to 15.x): a body still arriving when the middleware returns reached the
// server action empty ("Organisation missing from the request"). A browser does this on any
// slow upload; here each body is sent in three pieces with pauses between them.
import http from 'node:http'
import { afterAll, describe, expect, it } from 'vitest'
import { actionBody, actionId } from '../../bench/http'
import { signIn } from './actions'
import { basePort, distDir, dropTarget, freshTarget, sleep, startServer, type Server, type Target } from './harness'

const POSTS = Number(process.env.FAULTS_CHUNKED_POSTS ?? 30)

let target: Target | undefined
let server: Server | undefined
afterAll(async () => {
  await server?.stop()
  if (target) await dropTarget(target)
})

/** One multipart post, written as three pieces with pauses between them; resolves with status, redirect and body. */
function slowPost(base: string, cookie: string, pathname: string, action: string, fields: Record<string, string>, pauseMs: number) {
  const { body, contentType } = actionBody(fields)
  const bytes = Buffer.from(body)
  const cuts = [0, Math.floor(bytes.length / 3), Math.floor((2 * bytes.length) / 3), bytes.length]
  return new Promise<{ status: number; redirect: string; text: string }>((resolve, reject) => {
    const url = new URL(pathname, base)
    const req = http.request({
      host: url.hostname, port: url.port, path: url.pathname, method: 'POST',
      headers: { cookie, 'next-action': action, 'content-type': contentType, accept: 'text/x-component', 'content-length': bytes.length },
    }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (d) => { text += d })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, redirect: String(res.headers['x-action-redirect'] ?? ''), text }))
    })
    req.on('error', reject)
    void (async () => {
      for (let i = 0; i < 3; i++) {
        req.write(bytes.subarray(cuts[i], cuts[i + 1]))
        if (i < 2) await sleep(pauseMs)
      }
      req.end()
    })()
  })
}

describe('form posts whose bodies arrive in pieces', () => {
  it('reach the server action whole, every one, under concurrency', async () => {
    target = await freshTarget('chunked')
    server = await startServer(target, basePort + 3, { HELPDESK_WORKER: 'off' })
    const requester = await signIn(server.base, 'requester@acme.test', 'demo1234')
    const create = actionId(distDir, 'createTicketAction', 'tickets/actions')
    const run = Date.now().toString(36)
    const results = await Promise.all(Array.from({ length: POSTS }, (_, i) => slowPost(server!.base, requester.cookie, '/acme/portal/new', create,
      { org: 'acme', title: `Chunked ${run} ${i}`, description: 'Sent in three pieces.', priority: 'normal' }, 30 + (i % 5) * 40)))
    const created = results.filter((r) => /\/portal\/\d+\?created=1/.test(r.redirect))
    const emptied = results.filter((r) => r.text.includes('Organisation missing from the request'))
    console.log(`[faults] chunked bodies (${target.kind}): ${POSTS} posts, ${created.length} created, ${emptied.length} reached the action without fields`)
    expect(emptied.length).toBe(0)
    expect(created.length).toBe(POSTS)
  })
})
