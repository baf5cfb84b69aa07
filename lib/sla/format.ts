// Human durations for SLA targets and countdowns. Client-safe.

/** 90 → "1 h 30 min", 1440 → "1 d", 45 → "45 min". Whole minutes, largest units first, at most two. */
export function formatMinutes(minutes: number): string {
  const m = Math.max(0, Math.round(minutes))
  if (m < 60) return `${m} min`
  const d = Math.floor(m / 1440)
  const h = Math.floor((m % 1440) / 60)
  const rest = m % 60
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`
  return rest > 0 ? `${h} h ${rest} min` : `${h} h`
}

/** A countdown to `due`, rounded for a glance: "due in 2 h", "overdue by 3 d". */
export function dueIn(due: Date, now: Date): string {
  const diff = (due.getTime() - now.getTime()) / 60_000
  const span = Math.abs(diff)
  // Under two hours, minutes matter; beyond that the coarser unit reads faster.
  const text = span < 120 ? formatMinutes(span) : span < 2 * 1440 ? `${Math.floor(span / 60)} h` : `${Math.floor(span / 1440)} d`
  return diff >= 0 ? `due in ${text}` : `overdue by ${text}`
}
