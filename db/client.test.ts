import { describe, expect, it } from 'vitest'
import { eq, sql } from 'drizzle-orm'
import { getDb, getHandle } from './client'
import { ticketCounters } from './schema'
import { makeOrg } from '@/test/factory'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const kind = (await getHandle()).kind

describe('database client', () => {
  it('hands out one database per process', async () => {
    expect(await getDb()).toBe(await getDb())
    expect(kind).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite')
  })

  it('a transaction that throws leaves nothing behind', async () => {
    const o = await makeOrg()
    const db = await getDb()
    await expect(db.transaction(async (tx) => {
      await tx.update(ticketCounters).set({ lastNumber: 41 }).where(eq(ticketCounters.organizationId, o.org.id))
      throw new Error('boom')
    })).rejects.toThrow('boom')
    const [c] = await db.select().from(ticketCounters).where(eq(ticketCounters.organizationId, o.org.id))
    expect(c.lastNumber).toBe(0)
  })

  it('read-sleep-write under a row lock loses no increment, whatever the engine', async () => {
    const o = await makeOrg()
    const db = await getDb()
    const N = 8
    await Promise.all(Array.from({ length: N }, () => db.transaction(async (tx) => {
      const [c] = await tx.select().from(ticketCounters).where(eq(ticketCounters.organizationId, o.org.id)).for('update')
      await sleep(10)
      await tx.update(ticketCounters).set({ lastNumber: c.lastNumber + 1 }).where(eq(ticketCounters.organizationId, o.org.id))
    })))
    const [c] = await db.select().from(ticketCounters).where(eq(ticketCounters.organizationId, o.org.id))
    expect(c.lastNumber).toBe(N)
  })
})

/**
 * PGlite is one connection: its transactions run one at a time, never interleaved.
 * The domain code does not rely on this (it locks rows as it would on Postgres), but the
 * embedded default's concurrency tests would prove nothing if it were not so.
 */
describe.runIf(kind === 'pglite')('PGlite transactions never interleave', () => {
  it('a plain read-sleep-write (no lock at all) still loses no increment', async () => {
    const o = await makeOrg()
    const db = await getDb()
    const N = 6
    const marks: string[] = []
    await Promise.all(Array.from({ length: N }, (_, i) => db.transaction(async (tx) => {
      marks.push(`start ${i}`)
      const [c] = await tx.select().from(ticketCounters).where(eq(ticketCounters.organizationId, o.org.id))
      await sleep(15) // an await in the middle: another transaction would run here if it could
      await tx.update(ticketCounters).set({ lastNumber: c.lastNumber + 1 }).where(eq(ticketCounters.organizationId, o.org.id))
      marks.push(`end ${i}`)
    })))
    const [c] = await db.select().from(ticketCounters).where(eq(ticketCounters.organizationId, o.org.id))
    expect(c.lastNumber).toBe(N)
    // Every start is immediately followed by its own end.
    expect(marks).toHaveLength(2 * N)
    for (let k = 0; k < marks.length; k += 2) {
      expect(marks[k + 1]).toBe(marks[k].replace('start', 'end'))
    }
  })

  it('a query outside the transaction waits for it to finish', async () => {
    const db = await getDb()
    const order: string[] = []
    let started!: () => void
    const inside = new Promise<void>((r) => { started = r })
    const tx = db.transaction(async (t) => {
      order.push('tx start')
      started()
      await sleep(30)
      await t.execute(sql`select 1`)
      order.push('tx end')
    })
    await inside
    const outside = db.execute(sql`select 1`).then(() => order.push('outside'))
    await Promise.all([tx, outside])
    expect(order).toEqual(['tx start', 'tx end', 'outside'])
  })
})

/** On a real server, the same unlocked read-sleep-write does lose updates: the reason the domain code locks rows. */
describe.runIf(kind === 'postgres')('Postgres transactions do interleave', () => {
  it('an unlocked read-sleep-write loses increments', async () => {
    const o = await makeOrg()
    const db = await getDb()
    const N = 4
    await Promise.all(Array.from({ length: N }, () => db.transaction(async (tx) => {
      const [c] = await tx.select().from(ticketCounters).where(eq(ticketCounters.organizationId, o.org.id))
      await sleep(100)
      await tx.update(ticketCounters).set({ lastNumber: c.lastNumber + 1 }).where(eq(ticketCounters.organizationId, o.org.id))
    })))
    const [c] = await db.select().from(ticketCounters).where(eq(ticketCounters.organizationId, o.org.id))
    expect(c.lastNumber).toBeLessThan(N)
  })
})
