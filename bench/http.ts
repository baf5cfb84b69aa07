// What a browser does, over plain HTTP: sign in through Auth.js's credentials flow and
// keep the cookies; submit a server action the way React's form does; measure with autocannon.
import fs from 'node:fs'
import path from 'node:path'
import autocannon from 'autocannon'

export type Session = { cookie: string }

function mergeCookies(jar: Map<string, string>, res: Response) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';')
    const i = pair.indexOf('=')
    jar.set(pair.slice(0, i), pair.slice(i + 1))
  }
}
const header = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')

/** CSRF token, then the credentials callback; the session cookie comes back with the redirect. */
export async function signIn(base: string, email: string, password: string): Promise<Session> {
  const jar = new Map<string, string>()
  const csrf = await fetch(`${base}/api/auth/csrf`)
  mergeCookies(jar, csrf)
  const { csrfToken } = (await csrf.json()) as { csrfToken: string }
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header(jar) },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/` }),
  })
  mergeCookies(jar, res)
  if (![...jar.keys()].some((k) => k.includes('session-token'))) throw new Error(`sign-in failed for ${email} (status ${res.status})`)
  return { cookie: header(jar) }
}

/** The id Next gave a server action, from the build's server reference manifest and the client chunks that import it. */
export function actionId(distDir: string, exportedName: string, fileHint: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName?: string; filename?: string; workers: Record<string, unknown> }>
  }
  const hits = Object.entries(manifest.node).filter(([, v]) =>
    v.exportedName === exportedName && (v.filename ?? Object.keys(v.workers).join(' ')).includes(fileHint))
  if (hits.length !== 1) throw new Error(`server action ${exportedName} (${fileHint}): ${hits.length} matches in the manifest`)
  return hits[0][0]
}

/**
 * The body React sends for `formAction(formData)` from useActionState: the arguments
 * (previous state, the form) as field "0", the form's fields under its reference prefix "_1_"
 * (checked against react-server-dom's encodeReply).
 */
export function actionBody(fields: Record<string, string>, prevState: unknown = { ok: null }): { body: string; contentType: string } {
  const boundary = '----benchform' + Math.random().toString(16).slice(2)
  // The root ("0") goes last, as React appends it: the server resolves "$K1" from the fields read before it.
  const parts: [string, string][] = [...Object.entries(fields).map(([k, v]) => [`_1_${k}`, v] as [string, string]), ['0', JSON.stringify([prevState, '$K1'])]]
  const body = parts.map(([k, v]) => `--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + `--${boundary}--\r\n`
  return { body, contentType: `multipart/form-data; boundary=${boundary}` }
}

export type Load = { requests: number; p50: number; p95: number; p99: number; rps: number; errors: number; statuses: Record<number, number> }

const pct = (sorted: number[], p: number) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN

/** One autocannon run; `request` builds each request (so writes can vary their target). Exact percentiles from every response time. */
export async function load(opts: {
  base: string; cookie: string; connections: number; seconds: number
  request: () => { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string }
}): Promise<Load> {
  const times: number[] = []
  const statuses: Record<number, number> = {}
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({
      url: opts.base, connections: opts.connections, duration: opts.seconds, pipelining: 1, timeout: 30,
      headers: { cookie: opts.cookie, accept: 'text/html' },
      requests: [{ setupRequest: (req) => { const r = opts.request(); return { ...req, method: r.method, path: r.path, body: r.body, headers: { ...req.headers, ...r.headers } } } }],
    }, (err, res) => (err ? reject(err) : resolve(res)))
    instance.on('response', (_client, status, _bytes, ms) => { times.push(ms); statuses[status] = (statuses[status] ?? 0) + 1 })
  })
  times.sort((a, b) => a - b)
  return {
    requests: times.length, p50: pct(times, 50), p95: pct(times, 95), p99: pct(times, 99),
    rps: times.length / opts.seconds, errors: result.errors + result.timeouts, statuses,
  }
}
