import { expect, it } from 'vitest'
import { checkDatabase } from './health'

it('reaches the database', async () => {
  await expect(checkDatabase()).resolves.toBeUndefined()
})
