import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, createNonce, staticSecurityHeaders, withSecurityHeaders } from './security-headers'

describe('security headers', () => {
  it('gives each request a fresh, unguessable nonce', () => {
    const a = createNonce()
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/)
    expect(createNonce()).not.toBe(a)
  })

  it('allows scripts only with the nonce, forbids framing, and adds dev and https parts only when they apply', () => {
    const csp = contentSecurityPolicy('abc', { dev: false, https: false })
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).not.toContain('unsafe-eval')
    expect(csp).not.toContain('upgrade-insecure-requests')
    expect(contentSecurityPolicy('abc', { dev: true, https: true })).toMatch(/'unsafe-eval'.*upgrade-insecure-requests/)
  })

  it('sends HSTS only over https', () => {
    expect(staticSecurityHeaders({ https: false })).not.toHaveProperty('Strict-Transport-Security')
    expect(staticSecurityHeaders({ https: true })['Strict-Transport-Security']).toMatch(/max-age=\d+/)
  })

  it('keeps a header the response already set', () => {
    const res = withSecurityHeaders(new Response(null, { headers: { 'Content-Security-Policy': 'sandbox' } }), 'n')
    expect(res.headers.get('Content-Security-Policy')).toBe('sandbox')
    expect(res.headers.get('X-Frame-Options')).toBe('DENY')
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
  })
})
