// Client-safe: an instant as ISO 8601 wall-clock time in a zone, with that zone's offset
// then (`2026-03-29T01:30:00+01:00`), for exports people read and machines parse alike.
import { zoneFormatter } from './time'

const isoOptions: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }
const formatterFor = (tz: string) => zoneFormatter('en-US', isoOptions, tz)

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0')

export function isoInZone(date: Date | string | null | undefined, tz: string): string {
  if (!date) return ''
  const d = new Date(date)
  if (Number.isNaN(d.getTime())) return ''
  const parts = Object.fromEntries(formatterFor(tz).formatToParts(d).map((p) => [p.type, p.value]))
  const [y, mo, da, h, mi, s] = [parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second].map(Number)
  // The zone's offset is how far its wall clock is from UTC at this instant (whole seconds).
  const wall = Date.UTC(y, mo - 1, da, h, mi, s)
  const offset = Math.round((wall - Math.floor(d.getTime() / 1000) * 1000) / 60_000)
  const sign = offset < 0 ? '-' : '+'
  return `${pad(y, 4)}-${pad(mo)}-${pad(da)}T${pad(h)}:${pad(mi)}:${pad(s)}${sign}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
}

/** The calendar day in the zone, `2026-03-29`. */
export const dayInZone = (date: Date, tz: string) => isoInZone(date, tz).slice(0, 10)
