import { afterAll, beforeAll } from 'vitest'

/** For a describe block whose receiver listens on loopback, which only an on-premise install (WEBHOOK_ALLOW_PRIVATE=1) may target. */
export function allowPrivateWebhooks() {
  let previous: string | undefined
  beforeAll(() => { previous = process.env.WEBHOOK_ALLOW_PRIVATE; process.env.WEBHOOK_ALLOW_PRIVATE = '1' })
  afterAll(() => { if (previous === undefined) delete process.env.WEBHOOK_ALLOW_PRIVATE; else process.env.WEBHOOK_ALLOW_PRIVATE = previous })
}
