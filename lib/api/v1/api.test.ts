import { describe, expect, it } from 'vitest'
import { and, count, eq } from 'drizzle-orm'
import { Validator } from '@seriousme/openapi-schema-validator'
import { tickets } from '@/db/schema'
import { addComment } from '@/lib/comments/add-comment'
import { revokeApiToken, createApiToken } from '@/lib/api-tokens/tokens'
import { apiTokens } from '@/db/schema'
import { category, makeOrg, uid } from '@/test/factory'
import { clear, makeTeam, ticketIn } from '@/test/tickets'
import { call, contractErrors, documentedOperations, tokenFor, uploadFile, type ApiResponse } from '@/test/api'
import { image } from '@/test/uploads'
import { openApiDocument } from './openapi'

const ok = (res: ApiResponse) => {
  expect(contractErrors(res), `${res.method} ${res.template} → ${res.status} ${JSON.stringify(res.body)}`).toEqual([])
  return res
}
const base = (slug: string) => `/api/v1/${slug}`

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document and names every operation once', async () => {
    const doc = openApiDocument()
    const result = await new Validator().validate(doc as Parameters<Validator['validate']>[0])
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    const ids = documentedOperations.map((o) => o.operationId)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.length).toBeGreaterThanOrEqual(11)
  })
})

describe('contract: every documented operation answers what the document says', () => {
  it('staff tokens drive each operation; every response validates against the document', async () => {
    const o = await makeOrg()
    const team = await makeTeam(o, { field: true, members: [o.agent] })
    const admin = await tokenFor(o, o.admin)
    const agent = await tokenFor(o, o.agent)
    const requester = await tokenFor(o, o.requester)
    const b = base(o.org.slug)
    const seen = new Set<string>()
    const check = (res: ApiResponse) => { seen.add(`${res.method} ${res.template}`); return ok(res) }

    const created = check(await call('POST', `${b}/tickets`, { token: requester, body: { title: 'Router down', description: 'No link since 9:00', categoryId: category(o, 'General') } }))
    expect(created.status).toBe(201)
    const n = created.body.number as number
    expect(created.headers.get('location')).toBe(`${b}/tickets/${n}`)
    expect(created.body).not.toHaveProperty('sensitive')
    expect(check(await call('GET', `${b}/tickets?status=new&sort=number&dir=desc`, { token: admin })).body.data[0].number).toBe(n)
    expect(check(await call('GET', `${b}/tickets/${n}`, { token: agent })).body.requester.email).toBe(o.requester.user.email)
    check(await call('PATCH', `${b}/tickets/${n}`, { token: agent, body: { priority: 'high' } }))
    // Tags replace the ticket's list, normalised; a malformed one is a 422 naming it; requesters may not tag.
    expect(check(await call('PATCH', `${b}/tickets/${n}`, { token: agent, body: { tags: ['VPN', 'router', 'vpn'] } })).body.tags).toEqual(['vpn', 'router'])
    const badTag = check(await call('PATCH', `${b}/tickets/${n}`, { token: agent, body: { tags: ['two words'] } }))
    expect(badTag.status).toBe(422)
    expect(JSON.stringify(badTag.body)).toContain('A tag may use only letters')
    expect((await call('PATCH', `${b}/tickets/${n}`, { token: requester, body: { tags: ['mine'] } })).status).toBe(403)
    expect(check(await call('GET', `${b}/tickets/${n}`, { token: agent })).body.tags).toEqual(['vpn', 'router'])
    expect(check(await call('GET', `${b}/tickets?q=tag:router`, { token: agent })).body.data.map((r: { number: number; tags: string[] }) => [r.number, r.tags])).toEqual([[n, ['vpn', 'router']]])
    check(await call('POST', `${b}/tickets/${n}/assignment`, { token: admin, body: { teamId: team.id, assigneeId: o.agent.user.id } }))
    check(await call('POST', `${b}/tickets/${n}/accept`, { token: agent }))
    check(await call('POST', `${b}/tickets/${n}/status`, { token: agent, body: { to: 'in_progress' } }))
    const photo = check(await uploadFile(o.org.slug, agent, 'cabinet.png', await image('png', 400, 300), 'image/png'))
    expect(photo.status).toBe(201)
    check(await call('POST', `${b}/tickets/${n}/comments`, { token: agent, body: { body: 'Checked the line', internal: true, attachmentIds: [photo.body.id] } }))
    expect(check(await call('GET', `${b}/tickets/${n}/comments`, { token: agent })).body.data).toHaveLength(1)
    const files = check(await call('GET', `${b}/tickets/${n}/attachments`, { token: agent }))
    expect(files.body.data.map((f: { filename: string }) => f.filename)).toEqual(['cabinet.png'])
    expect(files.body.data[0].downloadUrl).toMatch(/sig=/)
    // The requester never sees a file on an internal note.
    expect(check(await call('GET', `${b}/tickets/${n}/attachments`, { token: requester })).body.data).toEqual([])
    check(await call('GET', `${b}/teams`, { token: admin }))
    const csv = check(await call('GET', `${b}/tickets/export?status=in_progress&columns=number,title`, { token: agent }))
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    // (text() drops the byte-order mark; export.test.ts checks the bytes.)
    expect(csv.body).toBe(`Number,Title\r\n${n},Router down\r\n`)
    const members = check(await call('GET', `${b}/members?q=${encodeURIComponent(o.agent.user.name)}`, { token: agent }))
    expect(members.body.data.map((m: { id: string }) => m.id)).toEqual([o.agent.user.id])
    const second = check(await call('POST', `${b}/tickets`, { token: requester, body: { title: 'Another', description: 'x' } }))
    check(await call('POST', `${b}/tickets/${second.body.number}/assignment`, { token: admin, body: { teamId: team.id, assigneeId: o.agent.user.id } }))
    check(await call('POST', `${b}/tickets/${second.body.number}/reject`, { token: agent, body: { reason: 'Not my area' } }))
    // Errors are documented too.
    expect(check(await call('GET', `${b}/tickets/999999`, { token: agent })).status).toBe(404)
    expect(check(await call('POST', `${b}/tickets`, { token: requester, body: { title: '' } })).status).toBe(422)

    const documented = documentedOperations.map((op) => `${op.method} ${op.path}`)
    expect([...seen].sort()).toEqual([...documented].sort())
  })
})

describe('access through the API', () => {
  it('another org\'s token, a revoked, an expired or a malformed token all answer the same 401', async () => {
    const o = await makeOrg()
    const other = await makeOrg()
    const t = await ticketIn(o, 'new')
    const foreign = await tokenFor(other, other.admin)
    const revoked = await createApiToken(o.admin, { name: 'old', ownerEmail: o.agent.user.email, scopes: ['ticket:read'] })
    await revokeApiToken(o.admin, { id: revoked.id })
    const expired = await createApiToken(o.admin, { name: 'exp', ownerEmail: o.agent.user.email, scopes: ['ticket:read'] })
    await o.db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiTokens.id, expired.id))
    const bodies = new Set<string>()
    for (const token of [foreign, revoked.secret, expired.secret, 'hd_' + 'x'.repeat(43)]) {
      const res = ok(await call('GET', `${base(o.org.slug)}/tickets/${t.number}`, { token }))
      expect(res.status).toBe(401)
      bodies.add(JSON.stringify(res.body))
    }
    expect(bodies.size).toBe(1)
    // Without any credentials (and no session) it is 401 as well, never a redirect.
    expect((await call('GET', `${base(o.org.slug)}/tickets`, { headers: { authorization: 'Basic abc' } })).status).toBe(401)
  })

  it('a hidden ticket answers exactly what a missing one does: another org\'s, another requester\'s, a sensitive one', async () => {
    const o = await makeOrg()
    const [cleared] = await clear(o, o.agent2)
    const mine = await ticketIn(o, 'new', { by: o.requester2 })
    const sensitive = await ticketIn(o, 'open', { sensitive: true, assignee: cleared })
    const requester = await tokenFor(o, o.requester)
    const agent = await tokenFor(o, o.agent)
    const missing = await call('GET', `${base(o.org.slug)}/tickets/999999`, { token: agent })
    expect(missing.status).toBe(404)
    for (const [token, n] of [[requester, mine.number], [agent, sensitive.number]] as const) {
      for (const path of [`tickets/${n}`, `tickets/${n}/comments`]) {
        const res = await call('GET', `${base(o.org.slug)}/${path}`, { token })
        expect(res.status).toBe(404)
        expect(res.body).toEqual(missing.body)
      }
      const write = await call('POST', `${base(o.org.slug)}/tickets/${n}/comments`, { token, body: { body: 'hello' } })
      expect(write.status).toBe(404)
      expect(write.body).toEqual(missing.body)
    }
    // The cleared agent does see it.
    expect((await call('GET', `${base(o.org.slug)}/tickets/${sensitive.number}`, { token: await tokenFor(o, cleared) })).status).toBe(200)
  })

  it('a requester reads only the public conversation and public fields, and cannot use staff operations', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'open')
    await addComment(o.agent, { number: t.number, body: 'Public answer' })
    await addComment(o.agent, { number: t.number, body: 'SECRET internal note', internal: true })
    const token = await tokenFor(o, o.requester)
    const b = base(o.org.slug)
    const conv = ok(await call('GET', `${b}/tickets/${t.number}/comments`, { token }))
    expect(conv.body.data.map((c: { body: string }) => c.body)).toEqual(['Public answer'])
    expect(JSON.stringify(conv.body)).not.toContain('internal')
    const ticket = ok(await call('GET', `${b}/tickets/${t.number}`, { token }))
    for (const field of ['sensitive', 'team', 'sla', 'tags', 'requester', 'deleted']) expect(ticket.body).not.toHaveProperty(field)
    const list = ok(await call('GET', `${b}/tickets`, { token }))
    expect(list.body.data.every((r: object) => !('sensitive' in r) && !('assignee' in r) && !('tags' in r))).toBe(true)
    expect((await call('POST', `${b}/tickets/${t.number}/comments`, { token, body: { body: 'x', internal: true } })).status).toBe(403)
    expect((await call('POST', `${b}/tickets/${t.number}/assignment`, { token, body: { assigneeId: o.requester.user.id } })).status).toBe(403)
    expect((await call('GET', `${b}/teams`, { token })).status).toBe(403)
    expect((await call('GET', `${b}/members`, { token })).status).toBe(403)
  })

  it('a token narrower than the call is refused, even though its member could do it', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'new')
    const readOnly = await tokenFor(o, o.admin, ['ticket:read'])
    const b = base(o.org.slug)
    expect((await call('GET', `${b}/tickets/${t.number}`, { token: readOnly })).status).toBe(200)
    const refused = ok(await call('POST', `${b}/tickets/${t.number}/assignment`, { token: readOnly, body: { assigneeId: o.agent.user.id } }))
    expect(refused.status).toBe(403)
    expect(refused.headers.get('content-type')).toBe('application/problem+json')
    expect((await call('POST', `${b}/tickets`, { token: readOnly, body: { title: 'x', description: 'y' } })).status).toBe(403)
    const noRead = await tokenFor(o, o.admin, ['ticket:create'])
    expect((await call('GET', `${b}/tickets`, { token: noRead })).status).toBe(403)
  })

  it('bad input answers 422 naming every field; unknown fields and filters are refused, not ignored', async () => {
    const o = await makeOrg()
    const token = await tokenFor(o, o.agent)
    const b = base(o.org.slug)
    const res = ok(await call('POST', `${b}/tickets`, { token, body: { title: '', description: '', priority: 'extreme' } }))
    expect(res.status).toBe(422)
    expect(Object.keys(res.body.errors).sort()).toEqual(['description', 'priority', 'title'])
    expect((await call('POST', `${b}/tickets`, { token, body: { title: 'a', description: 'b', status: 'closed' } })).status).toBe(422)
    const filter = ok(await call('GET', `${b}/tickets?status=opne`, { token }))
    expect(filter.status).toBe(422)
    expect(filter.body.errors.status[0]).toMatch(/comma-separated/)
    expect((await call('POST', `${b}/tickets`, { token, body: '{not json' })).status).toBe(422)
    expect((await call('POST', `${b}/tickets`, { token, body: 'title=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(422)
  })
})

describe('idempotency, concurrency control and rate limits', () => {
  it('the same create sent 20 times at once with one key makes one ticket, and every answer is that ticket', async () => {
    const o = await makeOrg()
    const token = await tokenFor(o, o.requester)
    const key = `create-${uid()}`
    const body = { title: 'Only once', description: 'Retried by a flaky network' }
    const answers = await Promise.all(Array.from({ length: 20 }, () =>
      call('POST', `${base(o.org.slug)}/tickets`, { token, body, headers: { 'idempotency-key': key } })))
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201))
    expect(new Set(answers.map((a) => a.body.number)).size).toBe(1)
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(19)
    const [{ n }] = await o.db.select({ n: count() }).from(tickets).where(and(eq(tickets.organizationId, o.org.id), eq(tickets.title, 'Only once')))
    expect(n).toBe(1)
    // The same key with another body is refused; a new key makes a new ticket.
    expect((await call('POST', `${base(o.org.slug)}/tickets`, { token, body: { ...body, title: 'Changed' }, headers: { 'idempotency-key': key } })).status).toBe(422)
    const fresh = await call('POST', `${base(o.org.slug)}/tickets`, { token, body, headers: { 'idempotency-key': `${key}-2` } })
    expect(fresh.body.number).not.toBe(answers[0]!.body.number)
  })

  it('an update with a stale If-Match answers 412 and changes nothing; the current ETag goes through', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'new')
    const a = await tokenFor(o, o.agent)
    const b2 = await tokenFor(o, o.agent2)
    const url = `${base(o.org.slug)}/tickets/${t.number}`
    const read = await call('GET', url, { token: a })
    const etag = read.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]+"$/)
    const first = await call('PATCH', url, { token: b2, body: { priority: 'urgent' }, headers: { 'if-match': etag } })
    expect(first.status).toBe(200)
    expect(first.headers.get('etag')).not.toBe(etag)
    const stale = ok(await call('PATCH', url, { token: a, body: { priority: 'low' }, headers: { 'if-match': etag } }))
    expect(stale.status).toBe(412)
    expect((await call('GET', url, { token: a })).body.priority).toBe('urgent')
    const status = await call('POST', `${url}/status`, { token: a, body: { to: 'cancelled', note: 'dup' }, headers: { 'if-match': etag } })
    expect(status.status).toBe(412)
    expect((await call('PATCH', url, { token: a, body: { priority: 'low' }, headers: { 'if-match': first.headers.get('etag')! } })).status).toBe(200)
  })

  it('each token has its own per-minute budget, announced in RateLimit headers; over it, 429 with Retry-After', async () => {
    const o = await makeOrg()
    const prev = process.env.API_RATE_LIMIT
    process.env.API_RATE_LIMIT = '3'
    try {
      const token = await tokenFor(o, o.agent)
      const other = await tokenFor(o, o.agent)
      const url = `${base(o.org.slug)}/tickets`
      const answers = []
      for (let i = 0; i < 4; i++) answers.push(await call('GET', url, { token }))
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429])
      expect(answers.map((a) => a.headers.get('ratelimit-remaining'))).toEqual(['2', '1', '0', '0'])
      expect(Number(answers[3]!.headers.get('retry-after'))).toBeGreaterThan(0)
      ok(answers[3]!)
      expect((await call('GET', url, { token: other })).status).toBe(200)
    } finally {
      if (prev === undefined) delete process.env.API_RATE_LIMIT
      else process.env.API_RATE_LIMIT = prev
    }
  })
})

describe('the field-ops flow over HTTP only', () => {
  it('requester creates → admin assigns a technician → technician accepts, starts, resolves → requester sees the public conversation → admin closes', async () => {
    const o = await makeOrg()
    const team = await makeTeam(o, { field: true, members: [o.agent] })
    const [req, adm, tech] = await Promise.all([tokenFor(o, o.requester), tokenFor(o, o.admin), tokenFor(o, o.agent)])
    const b = base(o.org.slug)
    const { body: created } = await call('POST', `${b}/tickets`, { token: req, body: { title: 'Fibre cut on Elm St', description: 'Whole street offline', assetRef: 'Cabinet 12' } })
    const t = `${b}/tickets/${created.number}`
    expect((await call('POST', `${t}/assignment`, { token: adm, body: { teamId: team.id, assigneeId: o.agent.user.id } })).body.assignee.id).toBe(o.agent.user.id)
    expect((await call('POST', `${t}/accept`, { token: tech })).body.accepted).toBe(true)
    expect((await call('POST', `${t}/status`, { token: tech, body: { to: 'in_progress' } })).body.status).toBe('in_progress')
    await call('POST', `${t}/comments`, { token: tech, body: { body: 'Spliced; signal -18 dBm', internal: true } })
    const photo = await uploadFile(o.org.slug, tech, 'splice.png', await image('png', 320, 240), 'image/png')
    expect(photo.status).toBe(201)
    await call('POST', `${t}/comments`, { token: tech, body: { body: 'Fibre spliced, service restored', attachmentIds: [photo.body.id] } })
    expect((await call('POST', `${t}/status`, { token: tech, body: { to: 'resolved', note: 'Resolved on site' } })).body.status).toBe('resolved')
    const seen = await call('GET', `${t}/comments`, { token: req })
    expect(seen.body.data.map((c: { body: string }) => c.body)).toEqual(['Fibre spliced, service restored'])
    expect((await call('GET', t, { token: req })).body.status).toBe('resolved')
    expect((await call('GET', `${t}/attachments`, { token: req })).body.data.map((f: { filename: string }) => f.filename)).toEqual(['splice.png'])
    expect((await call('POST', `${t}/status`, { token: adm, body: { to: 'closed' } })).body.status).toBe('closed')
  })
})
