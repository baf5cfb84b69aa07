import { describe, expect, it } from 'vitest'
import { ForbiddenError } from '@/lib/errors'
import { makeOrg } from '@/test/factory'
import { auditCount } from '@/test/tickets'
import { getCalendar, saveCalendar } from './policies'

const weekly = [[], [['08:00', '18:00']], [['08:00', '18:00']], [['08:00', '18:00']], [['08:00', '18:00']], [['08:00', '18:00']], []]

describe('named holidays (issue 18)', () => {
  it('an admin saves holidays with names; they come back by date, are audited, and survive a save without names', async () => {
    const o = await makeOrg()
    await saveCalendar(o.admin, { timeZone: 'Europe/London', mode: 'business', weekly, holidays: ['2026-12-25', '2026-12-28'], holidayNames: ['Christmas Day', 'Boxing Day (substitute)'] })
    expect(await getCalendar(o.admin)).toMatchObject({ holidays: ['2026-12-25', '2026-12-28'], holidayNames: ['Christmas Day', 'Boxing Day (substitute)'] })
    expect(await auditCount(o, 'sla_calendar.updated')).toBe(1)
    // A caller without names (the seed, an older client) keeps the names of the dates it keeps.
    await saveCalendar(o.admin, { timeZone: 'Europe/London', mode: 'business', weekly, holidays: ['2026-12-28', '2027-01-01'] })
    expect((await getCalendar(o.admin)).holidayNames).toEqual(['Boxing Day (substitute)', ''])
    for (const ctx of [o.agent, o.requester]) {
      await expect(saveCalendar(ctx, { timeZone: 'UTC', mode: 'business', weekly, holidays: [], holidayNames: [] })).rejects.toBeInstanceOf(ForbiddenError)
      await expect(getCalendar(ctx)).rejects.toBeInstanceOf(ForbiddenError)
    }
    // Another org's calendar is its own.
    const other = await makeOrg()
    expect((await getCalendar(other.admin)).holidays).toEqual([])
  })
})
