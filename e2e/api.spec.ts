import { expect, signIn, test, unique } from './fixtures'

// The REST API through the real server: an admin makes a token on the settings page,
// an integration uses it with nothing but HTTP, and the docs page renders the reference.

test('an admin creates a token in settings; an integration creates and works a ticket with it over HTTP', async ({ page, playwright, baseURL }) => {
  await signIn(page, 'admin@acme.test')
  await page.goto('/acme/settings/api')
  const name = unique('Monitoring')
  await page.getByLabel('Name', { exact: true }).fill(name)
  await page.getByLabel("Acts for (member's email)").fill('agent@acme.test')
  for (const scope of ['ticket:create', 'ticket:create_on_behalf', 'ticket:work', 'comment:reply']) await page.locator(`input[name="scopes"][value="${scope}"]`).check()
  await page.getByRole('button', { name: 'Create token' }).click()
  const secret = (await page.getByLabel('New API token').textContent())!.trim()
  expect(secret).toMatch(/^hd_/)
  await expect(page.getByRole('row').filter({ hasText: name })).toBeVisible()

  // A client with no cookies at all: only the token.
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } })
  const created = await api.post('/api/v1/acme/tickets', {
    data: { title: unique('Link down at depot'), description: 'Monitoring saw the uplink drop', priority: 'high', requesterEmail: 'requester@acme.test' },
    headers: { 'idempotency-key': unique('k').replace(/\W/g, '') },
  })
  expect(created.status()).toBe(201)
  const ticket = await created.json()
  expect(ticket.requester.email).toBe('requester@acme.test')
  expect(created.headers()['ratelimit-limit']).toBeTruthy()
  const get = await api.get(`/api/v1/acme/tickets/${ticket.number}`)
  expect(get.status()).toBe(200)
  const reply = await api.post(`/api/v1/acme/tickets/${ticket.number}/comments`, { data: { body: 'We are looking into it' } })
  expect(reply.status()).toBe(201)
  // Its scopes stop at what it was given: no assignment.
  const assign = await api.post(`/api/v1/acme/tickets/${ticket.number}/assignment`, { data: { assigneeId: null } })
  expect(assign.status()).toBe(403)
  expect(assign.headers()['content-type']).toContain('application/problem+json')
  // A missing ticket is a real 404 problem.
  const missing = await api.get('/api/v1/acme/tickets/99999999')
  expect(missing.status()).toBe(404)
  expect((await missing.json()).code).toBe('not_found')

  // The staff workspace shows the reply the integration posted.
  await page.goto(`/acme/tickets/${ticket.number}`)
  await expect(page.getByText('We are looking into it')).toBeVisible()

  // A signed-in browser may read the API with its session, but a write without a same-origin Origin is refused.
  const sessionRead = await page.request.get(`/api/v1/acme/tickets/${ticket.number}`)
  expect(sessionRead.status()).toBe(200)
  const forged = await page.request.post(`/api/v1/acme/tickets/${ticket.number}/comments`, { data: { body: 'forged' }, headers: { origin: 'https://attacker.example' } })
  expect(forged.status()).toBe(403)
  await api.dispose()
})

test('the docs page explains the API and renders the reference from the served OpenAPI document', async ({ page, request }) => {
  const doc = await request.get('/api/v1/openapi.json')
  expect(doc.status()).toBe(200)
  const json = await doc.json()
  expect(json.openapi).toBe('3.1.0')
  const errors: string[] = []
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()) })
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`) })
  await page.goto('/docs/api')
  await expect(page.getByRole('heading', { name: 'Helpdesk REST API v1' })).toBeVisible()
  await expect(page.getByRole('heading', { name: /Operations \(\d+\)/ })).toBeVisible()
  // Swagger UI, loaded from this server, lists the operations by their summaries.
  await expect(page.locator('#swagger-ui .opblock').first()).toBeVisible()
  await expect(page.locator('#swagger-ui')).toContainText('Create a ticket')
  await page.screenshot({ path: 'test-results/docs-api.png', fullPage: false })
  expect(errors).toEqual([])
})
