import { describe, expect, it } from 'vitest'
import { jsonRoute } from '@/lib/http/json-route'
import { httpStatus } from '@/lib/http/problem'
import { toActionState } from '@/lib/actions/to-action-state'
import {
  ConflictError, errorCodes, ForbiddenError, NotFoundError, NotMemberError, PreconditionFailedError, RateLimitedError,
  TooLargeError, UnauthorizedError, ValidationError,
} from './errors'

const statusOf = async (err: unknown) => (await jsonRoute(() => Promise.reject(err))).status

describe('typed errors map by code, never by message', () => {
  it('every code has an HTTP status', () => {
    for (const code of errorCodes) expect(httpStatus[code], code).toBeGreaterThanOrEqual(400)
  })

  it('each error class answers its own status', async () => {
    expect(await statusOf(new NotFoundError())).toBe(404)
    expect(await statusOf(new NotMemberError())).toBe(404)
    expect(await statusOf(new ForbiddenError())).toBe(403)
    expect(await statusOf(new UnauthorizedError())).toBe(401)
    expect(await statusOf(new ValidationError('Bad'))).toBe(422)
    expect(await statusOf(new TooLargeError('Too big'))).toBe(413)
    expect(await statusOf(new ConflictError('Clash'))).toBe(409)
    expect(await statusOf(new PreconditionFailedError('Stale'))).toBe(412)
    expect(await statusOf(new RateLimitedError('Slow down', 30))).toBe(429)
    expect(await statusOf(new Error('boom'))).toBe(500)
  })

  it('message text changes nothing: the old regexes would have misfiled these', async () => {
    // "member" in a forbidden message used to turn it into a 404, "larger than" a 422 into a 413.
    expect(await statusOf(new ForbiddenError('Only a member of a restricted team may do that'))).toBe(403)
    expect(await statusOf(new ValidationError('The title is larger than the screen'))).toBe(422)
  })

  it('a 404 carries neither the message nor field errors of the layer below', async () => {
    const res = await jsonRoute(() => Promise.reject(new NotFoundError('Ticket #41 was not found')), { notFound: 'Not found' })
    expect(await res.json()).toEqual({ message: 'Not found' })
  })

  it('server actions get the code with the message and every field error', async () => {
    const state = await toActionState(new ValidationError('Please fix', { title: ['Too long'], body: ['Empty'] }))
    expect(state).toMatchObject({ ok: false, code: 'validation', message: 'Please fix', fieldErrors: { title: ['Too long'], body: ['Empty'] } })
    expect(await toActionState(new Error('internal detail'))).toMatchObject({ ok: false, message: expect.not.stringContaining('internal detail') })
  })
})
