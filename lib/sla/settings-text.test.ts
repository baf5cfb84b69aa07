import { describe, expect, it } from 'vitest'
import { createTranslator } from 'next-intl'
import { catalogues } from '@/lib/i18n/messages'
import { CalendarSchema } from './calendar'
import { dayTargetHint as hintWith, formatHolidayDate, type DayHintTranslator } from './format'
import { SlaPolicyInput } from './schemas'

// The hint's words come from the catalogue, as the policy form renders them.
const translator = (locale: 'en' | 'de'): DayHintTranslator => {
  const t = createTranslator({ locale, messages: catalogues[locale], namespace: 'settings.policyForm.dayHint' })
  return (key, values) => t(key, values)
}
const dayTargetHint = (weekly: Parameters<typeof hintWith>[0], businessHours: boolean) => hintWith(weekly, businessHours, translator('en'))

const week = (day: [string, string][]) => [[], day, day, day, day, day, []] as [string, string][][]
const uneven = () => {
  const w = week([['08:00', '18:00']])
  w[5] = [['08:00', '14:00']]
  return w
}

describe('SLA settings text (issue 18)', () => {
  it('says what a day-unit target means on the actual calendar', () => {
    expect(dayTargetHint(week([['08:00', '18:00']]), true)).toBe('A day is 24 business hours: 2.4 working days of 10 hours on this calendar.')
    expect(dayTargetHint(week([['09:00', '17:00']]), true)).toBe('A day is 24 business hours: 3 working days of 8 hours on this calendar.')
    expect(dayTargetHint(week([['09:00', '12:30'], ['13:30', '17:00']]), true)).toBe('A day is 24 business hours: 3.4 working days of 7 hours on this calendar.')
    const uneven = week([['08:00', '18:00']])
    uneven[5] = [['08:00', '14:00']]
    expect(dayTargetHint(uneven, true)).toMatch(/^A day is 24 business hours: about 2.4 working days of 10 hours/)
    expect(dayTargetHint(week([['08:00', '18:00']]), false)).toBe('A day is 24 hours of the clock.')
    expect(dayTargetHint(week([['09:00', '10:00']]), true)).toBe('A day is 24 business hours: 24 working days of 1 hour on this calendar.')
    expect(dayTargetHint(week([]), true)).toBe('A day is 24 business hours; the calendar has no business hours yet.')
  })

  it('says it in German too, with German numbers', () => {
    const de = translator('de')
    expect(hintWith(week([['08:00', '18:00']]), true, de)).toBe('Ein Tag sind 24 Geschäftsstunden: 2,4 Arbeitstage zu 10 Stunden in diesem Kalender.')
    expect(hintWith(uneven(), true, de)).toBe('Ein Tag sind 24 Geschäftsstunden: etwa 2,4 Arbeitstage zu 10 Stunden in diesem Kalender.')
    expect(hintWith(week([['09:00', '10:00']]), true, de)).toBe('Ein Tag sind 24 Geschäftsstunden: 24 Arbeitstage zu 1 Stunde in diesem Kalender.')
    expect(hintWith(week([['08:00', '18:00']]), false, de)).toBe('Ein Tag sind 24 Stunden auf der Uhr.')
    expect(formatHolidayDate('2026-12-02', 'de')).toBe('Mi., 2. Dez. 2026')
  })

  it('target errors name no unit, so none contradicts the hours or days picker beside them', () => {
    const r = SlaPolicyInput.safeParse({ priority: 'high', responseMinutes: 'x', resolutionMinutes: 0, businessHours: 'true' })
    expect(r.success).toBe(false)
    const messages = r.error!.issues.map((i) => i.message).join(' ')
    expect(messages).not.toMatch(/minutes/)
    expect(messages).toMatch(/first response target as a number/)
  })

  it('holidays show in the app’s date style and need a name when names are given', () => {
    expect(formatHolidayDate('2026-12-02')).toBe('Wed 2 Dec 2026')
    expect(formatHolidayDate('12/02/2026')).toBe('')
    const base = { timeZone: 'Europe/London', mode: 'business' as const, weekly: week([['09:00', '17:00']]), holidays: ['2026-12-25', '2026-12-28'] }
    const r = CalendarSchema.safeParse({ ...base, holidayNames: ['Christmas Day', ' '] })
    expect(r.success).toBe(false)
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['holidayNames.1', 'Name this holiday, e.g. Christmas Day']])
    expect(CalendarSchema.safeParse({ ...base, holidayNames: ['Christmas Day', 'Boxing Day (substitute)'] }).success).toBe(true)
    expect(CalendarSchema.safeParse(base).success).toBe(true)
  })
})
