import { describe, expect, it } from 'vitest'
import { AppOriginError, assertAppOrigin, pinAuthUrl, resolveAppOrigin } from './app-origin'

describe('resolveAppOrigin', () => {
  it('is APP_URL’s origin, without a trailing slash', () => {
    expect(resolveAppOrigin({ APP_URL: 'https://help.example.com/', NODE_ENV: 'production' })).toBe('https://help.example.com')
    expect(resolveAppOrigin({ APP_URL: 'http://localhost:3610' })).toBe('http://localhost:3610')
  })

  it('accepts Auth.js’s AUTH_URL alone, and refuses when it disagrees with APP_URL', () => {
    expect(resolveAppOrigin({ AUTH_URL: 'https://a.example.com', NODE_ENV: 'production' })).toBe('https://a.example.com')
    expect(() => resolveAppOrigin({ APP_URL: 'https://a.example.com', AUTH_URL: 'https://b.example.com' })).toThrow(/disagree/)
    expect(resolveAppOrigin({ APP_URL: 'https://a.example.com', AUTH_URL: 'https://a.example.com/' })).toBe('https://a.example.com')
  })

  it('refuses to guess in production', () => {
    expect(() => resolveAppOrigin({ NODE_ENV: 'production' })).toThrow(AppOriginError)
    expect(() => resolveAppOrigin({ NODE_ENV: 'production' })).toThrow(/APP_URL is not set/)
  })

  it('defaults to localhost on the server’s port in development', () => {
    expect(resolveAppOrigin({ NODE_ENV: 'development' })).toBe('http://localhost:3000')
    expect(resolveAppOrigin({ NODE_ENV: 'development', PORT: '4123' })).toBe('http://localhost:4123')
  })

  it('refuses a value that is not an http(s) origin', () => {
    for (const APP_URL of ['help.example.com', 'ftp://help.example.com', 'https://example.com/helpdesk', 'https://example.com/?x=1']) {
      expect(() => resolveAppOrigin({ APP_URL })).toThrow(AppOriginError)
    }
  })
})

describe('pinning Auth.js', () => {
  it('sets AUTH_URL to the app origin', () => {
    const env: Record<string, string | undefined> = { APP_URL: 'https://help.example.com', NODE_ENV: 'production' }
    expect(pinAuthUrl(env)).toBe('https://help.example.com')
    expect(env.AUTH_URL).toBe('https://help.example.com')
  })

  it('leaves AUTH_URL unset (so Auth.js does not trust the host) while nothing is configured, and start-up refuses', () => {
    const env: Record<string, string | undefined> = { NODE_ENV: 'production' }
    expect(pinAuthUrl(env)).toBeNull()
    expect(env.AUTH_URL).toBeUndefined()
    expect(() => assertAppOrigin(env)).toThrow(AppOriginError)
  })
})
