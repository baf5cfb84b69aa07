import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import type { Ctx } from '@/lib/auth/ctx-type'
import { rolePermissions, type Permission } from '@/lib/authz/permissions'
import { createApiToken } from '@/lib/api-tokens/tokens'
import { openApiDocument, operations } from '@/lib/api/v1/openapi'
import { uid, type TestOrg } from './factory'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (req: Request, ctx: { params: Promise<any> }) => Promise<Response>
type RouteModule = Partial<Record<'GET' | 'POST' | 'PATCH', Handler>>

// The route modules themselves, by path template: requests go through exactly the code
// `next start` runs for them (the route adapter, the domain verbs, the database).
const modules: Record<string, () => Promise<RouteModule>> = {
  '/api/v1/{org}/tickets': () => import('@/app/api/v1/[org]/tickets/route'),
  '/api/v1/{org}/tickets/export': () => import('@/app/api/v1/[org]/tickets/export/route'),
  '/api/v1/{org}/tickets/{number}': () => import('@/app/api/v1/[org]/tickets/[number]/route'),
  '/api/v1/{org}/tickets/{number}/status': () => import('@/app/api/v1/[org]/tickets/[number]/status/route'),
  '/api/v1/{org}/tickets/{number}/assignment': () => import('@/app/api/v1/[org]/tickets/[number]/assignment/route'),
  '/api/v1/{org}/tickets/{number}/accept': () => import('@/app/api/v1/[org]/tickets/[number]/accept/route'),
  '/api/v1/{org}/tickets/{number}/reject': () => import('@/app/api/v1/[org]/tickets/[number]/reject/route'),
  '/api/v1/{org}/tickets/{number}/comments': () => import('@/app/api/v1/[org]/tickets/[number]/comments/route'),
  '/api/v1/{org}/teams': () => import('@/app/api/v1/[org]/teams/route'),
  '/api/v1/{org}/members': () => import('@/app/api/v1/[org]/members/route'),
  '/api/v1/{org}/uploads': () => import('@/app/api/v1/[org]/uploads/route'),
  '/api/v1/{org}/tickets/{number}/attachments': () => import('@/app/api/v1/[org]/tickets/[number]/attachments/route'),
}

function match(pathname: string): { template: string; params: Record<string, string> } | null {
  for (const template of Object.keys(modules)) {
    const names: string[] = []
    const re = new RegExp(`^${template.replace(/\{(\w+)\}/g, (_, n: string) => { names.push(n); return '([^/]+)' })}$`)
    const m = re.exec(pathname)
    if (m) return { template, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)])) }
  }
  return null
}

export type ApiResponse = { status: number; headers: Headers; body: any; template: string; method: string } // eslint-disable-line @typescript-eslint/no-explicit-any

/** Calls the API as an HTTP client would: a Request in, a Response out. */
export async function call(method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<ApiResponse> {
  const url = new URL(path, 'http://helpdesk.test')
  const m = match(url.pathname)
  if (!m) throw new Error(`no route for ${url.pathname}`)
  const handler = (await modules[m.template]!())[method as 'GET']
  if (!handler) throw new Error(`no ${method} on ${m.template}`)
  const headers: Record<string, string> = { ...opts.headers }
  if (opts.token) headers.authorization = `Bearer ${opts.token}`
  if (opts.body !== undefined) headers['content-type'] ??= 'application/json'
  const body = opts.body === undefined ? undefined : opts.body instanceof Uint8Array || typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body)
  const req = new Request(url, { method, headers, body: body as BodyInit | undefined })
  const res = await handler(req, { params: Promise.resolve(m.params) })
  const text = await res.text()
  // JSON answers are parsed; anything else (a CSV export) stays text.
  const json = /json/.test(res.headers.get('content-type') ?? '')
  return { status: res.status, headers: res.headers, body: text && json ? JSON.parse(text) : text || null, template: m.template, method: method.toLowerCase() }
}

/** A token acting as `ctx`'s member, with all of its role's scopes unless narrowed. */
export async function tokenFor(o: TestOrg, ctx: Ctx, scopes?: Permission[]): Promise<string> {
  const t = await createApiToken(o.admin, { name: `t-${uid()}`, ownerEmail: ctx.user.email, scopes: scopes ?? [...rolePermissions(ctx.role)] })
  return t.secret
}

// Responses are checked against the served OpenAPI document itself (JSON Schema 2020-12).
const doc = openApiDocument() as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>; components: object }
const ajv = new Ajv2020({ strict: false, allErrors: true })
addFormats(ajv)
const validators = new Map<string, ReturnType<typeof ajv.compile>>()

/** Errors of `res` against its documented response (empty when it conforms). */
export function contractErrors(res: ApiResponse): string[] {
  const op = doc.paths[res.template]?.[res.method]
  if (!op) return [`${res.method} ${res.template} is not documented`]
  const documented = op.responses[String(res.status)]
  if (!documented) return [`status ${res.status} is not documented for ${res.method} ${res.template}`]
  const type = res.headers.get('content-type')?.split(';')[0] ?? ''
  const schema = documented.content?.[type]?.schema
  if (!schema) return [`content type ${type} is not documented for ${res.status}`]
  const key = `${res.method} ${res.template} ${res.status} ${type}`
  let validate = validators.get(key)
  if (!validate) validators.set(key, (validate = ajv.compile({ ...schema, components: doc.components })))
  return validate(res.body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)
}

export const documentedOperations = operations

/** POST /uploads with one file, as multipart/form-data. */
export function uploadFile(slug: string, token: string, filename: string, bytes: Uint8Array, type: string) {
  const boundary = `----api${uid()}`
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
    Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return call('POST', `/api/v1/${slug}/uploads`, { token, body: new Uint8Array(body), headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(body.length) } })
}
