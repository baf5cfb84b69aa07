'use client'
import { useEffect, useRef } from 'react'
import { useLocale, useTranslations } from 'next-intl'
import { useServerAction } from '@/components/forms/use-server-action'
import { get, useForm, type FieldErrors, type Path } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useLocalisedResolver } from '@/lib/i18n/server-messages/client'
import { buttonClass } from '@/components/ui/button'
import { Field, Input } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { CalendarSchema, type Calendar } from '@/lib/sla/calendar'
import { formatHolidayDate } from '@/lib/sla/format'
import type { Locale } from '@/lib/i18n/config'
import { saveCalendarAction } from './actions'

type Values = { timeZone: string; mode: 'business' | '24x7'; weekly: [string, string][][]; holidays: string[]; holidayNames?: string[] }
// Monday first, as people read a week; the data keeps Sunday at index 0.
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0]
const DAY_KEYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const

/**
 * The org's business calendar. Rows are added and removed in place, so the values are
 * controlled through react-hook-form's store and posted as one JSON field; the same
 * CalendarSchema validates here and on the server, with errors at `weekly.<day>.<row>`.
 */
export function CalendarForm({ org, calendar, timeZones }: { org: string; calendar: Calendar; timeZones: string[] }) {
  const t = useTranslations('settings.calendarForm')
  const locale = useLocale() as Locale
  const { state, pending, run } = useServerAction(saveCalendarAction)
  const formRef = useRef<HTMLFormElement>(null)
  const form = useForm<Values>({
    resolver: useLocalisedResolver(zodResolver(CalendarSchema)),
    defaultValues: { timeZone: calendar.timeZone, mode: 'business', weekly: calendar.weekly.map((d) => d.map(([a, b]) => [a, b] as [string, string])), holidays: [...calendar.holidays], holidayNames: calendar.holidays.map((_, i) => calendar.holidayNames?.[i] ?? '') },
  })
  const { setError, watch, setValue, formState: { errors } } = form
  const values = watch()
  const names = values.holidayNames ?? []
  useEffect(() => {
    if (state.ok === false && state.fieldErrors) {
      for (const [name, messages] of Object.entries(state.fieldErrors)) setError(name as Path<Values>, { type: 'server', message: messages[0] })
    }
  }, [state, setError])
  const set = (path: Path<Values>, value: unknown) => setValue(path, value as never, { shouldDirty: true, shouldValidate: form.formState.isSubmitted })
  const msg = (path: string) => (get(errors as FieldErrors, path) as { message?: string } | undefined)?.message
  const onSubmit = form.handleSubmit(async (v) => {
    const data = new FormData(formRef.current!)
    data.set('calendar', JSON.stringify(v))
    await run(data)
  })
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="space-y-5" aria-label={t('label')}>
      <input type="hidden" name="org" value={org} />
      <Field id="cal-tz" label={t('timeZone')} error={msg('timeZone')} hint={t('timeZoneHint')}>
        <Input id="cal-tz" list="cal-tz-list" value={values.timeZone} onChange={(e) => set('timeZone', e.target.value)} invalid={!!msg('timeZone')} describedBy="cal-tz-error" className="max-w-xs" />
        <datalist id="cal-tz-list">{timeZones.map((z) => <option key={z} value={z} />)}</datalist>
      </Field>

      <fieldset>
        {/* Times are read in the calendar's zone, which may not be the viewer's (issue 18). */}
        <legend className="text-sm font-medium text-slate-700">{t('weeklyHours')} <span className="font-normal text-slate-600">({values.timeZone || t('noTimeZone')})</span></legend>
        {msg('weekly') && <p role="alert" className="mt-1 text-sm text-rose-600">{msg('weekly')}</p>}
        <div className="mt-2 divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
          {WEEK_ORDER.map((day) => {
            const rows = values.weekly[day] ?? []
            const name = t(`weekdays.${DAY_KEYS[day]}`)
            return (
              <div key={day} className="flex flex-wrap items-start gap-3 px-3 py-2">
                <span className="w-24 pt-1.5 text-sm font-medium text-slate-700">{name}</span>
                <div className="flex-1 space-y-1.5">
                  {rows.length === 0 && <p className="pt-1.5 text-sm text-slate-600">{t('closed')}</p>}
                  {rows.map(([start, end], i) => {
                    const rowError = msg(`weekly.${day}.${i}.0`) ?? msg(`weekly.${day}.${i}.1`) ?? msg(`weekly.${day}.${i}`)
                    return (
                      <div key={i}>
                        <div className="flex items-center gap-2">
                          <Input aria-label={t('opens', { day: name })} value={start} placeholder="09:00" inputMode="numeric" className="w-20 py-1"
                            invalid={!!rowError} onChange={(e) => set(`weekly.${day}.${i}.0` as Path<Values>, e.target.value)} />
                          <span aria-hidden className="text-slate-600">{'–'}</span>
                          <Input aria-label={t('closes', { day: name })} value={end} placeholder="17:00" inputMode="numeric" className="w-20 py-1"
                            invalid={!!rowError} onChange={(e) => set(`weekly.${day}.${i}.1` as Path<Values>, e.target.value)} />
                          <button type="button" className="text-xs text-slate-600 hover:text-rose-700" aria-label={t('removeHours', { day: name, start, end })}
                            onClick={() => set(`weekly.${day}` as Path<Values>, rows.filter((_, j) => j !== i))}>{t('remove')}</button>
                        </div>
                        {rowError && <p role="alert" className="mt-1 text-sm text-rose-600">{rowError}</p>}
                      </div>
                    )
                  })}
                </div>
                <button type="button" className={buttonClass('ghost', 'px-2 py-1 text-xs')} aria-label={t('addHours', { day: name })}
                  onClick={() => set(`weekly.${day}` as Path<Values>, [...rows, rows.length ? ['13:00', '17:00'] : ['09:00', '17:00']])}>{t('addHoursButton')}</button>
              </div>
            )
          })}
        </div>
      </fieldset>

      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t('holidays')}</legend>
        <p className="text-xs text-slate-600">{t('holidaysHint', { timeZone: values.timeZone || t('calendarTimeZone') })}</p>
        <ul className="mt-2 space-y-1.5">
          {values.holidays.map((date, i) => {
            const nameError = msg(`holidayNames.${i}`)
            return (
              <li key={i}>
                <div className="flex flex-wrap items-center gap-2">
                  <Input type="date" aria-label={t('holidayDate', { n: i + 1 })} value={date} className="w-44 py-1" invalid={!!msg(`holidays.${i}`)}
                    onChange={(e) => set(`holidays.${i}` as Path<Values>, e.target.value)} />
                  <Input aria-label={t('holidayName', { n: i + 1 })} value={names[i] ?? ''} placeholder={t('holidayPlaceholder')} className="w-56 py-1" invalid={!!nameError}
                    onChange={(e) => set(`holidayNames.${i}` as Path<Values>, e.target.value)} />
                  {/* The date as the rest of the app writes it, whatever the browser's date input shows. */}
                  <span className="text-sm text-slate-600" data-testid="holiday-date">{formatHolidayDate(date, locale)}</span>
                  <button type="button" className="text-xs text-slate-600 hover:text-rose-700" aria-label={t('removeHoliday', { name: names[i] || String(i + 1) })}
                    onClick={() => {
                      set('holidayNames', names.filter((_, j) => j !== i))
                      set('holidays', values.holidays.filter((_, j) => j !== i))
                    }}>{t('remove')}</button>
                </div>
                {msg(`holidays.${i}`) && <p role="alert" className="mt-1 text-sm text-rose-600">{msg(`holidays.${i}`)}</p>}
                {nameError && <p role="alert" className="mt-1 text-sm text-rose-600">{nameError}</p>}
              </li>
            )
          })}
        </ul>
        <button type="button" className={buttonClass('ghost', 'mt-2 px-2 py-1 text-xs')} onClick={() => {
          set('holidayNames', [...names, ''])
          set('holidays', [...values.holidays, ''])
        }}>{t('addHoliday')}</button>
      </fieldset>

      <FormMessage state={state} success={t('saved')} />
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText={t('saving')}>{t('save')}</SubmitButton>
      </div>
    </form>
  )
}
