import type { Calendar } from './calendar'
import { slaDeadline, slaElapsedMinutes, type Pause } from './clock'

// SLA status (SPEC §5), derived from the clock. Client-safe.

/** §5: "at risk" once 75 % of the target has elapsed. */
export const AT_RISK_RATIO = 0.75

export const slaStatuses = ['on_track', 'at_risk', 'breached_response', 'breached_resolution', 'paused', 'met'] as const
export type SlaStatus = (typeof slaStatuses)[number]

/** The state of one target (first response or resolution). */
export type SlaTargetState = 'on_track' | 'at_risk' | 'breached' | 'paused' | 'met'

export type SlaTargetFacts = {
  targetMinutes: number
  /** Business minutes counted so far (up to `metAt` once met). */
  elapsedMinutes: number
  /** From `slaDeadline`; null while an open pause stops the clock. */
  due: Date | null
  /** When the target was achieved (first public agent reply; resolution), else null. */
  metAt: Date | null
}

/**
 * - met: achieved at or before its deadline (or while the clock was stopped);
 * - breached: achieved late, or still open after its deadline (now > due);
 * - paused: an open pause stops the clock and it had not run out before;
 * - at_risk: ≥ `atRiskRatio` of the target elapsed; otherwise on_track.
 * A target is due *at* `due`: an answer at exactly that instant is in time.
 */
export function slaTargetState(t: SlaTargetFacts, now: Date, atRiskRatio = AT_RISK_RATIO): SlaTargetState {
  if (t.metAt) return t.due === null || t.metAt.getTime() <= t.due.getTime() ? 'met' : 'breached'
  if (t.due === null) return 'paused'
  if (now.getTime() > t.due.getTime()) return 'breached'
  return t.elapsedMinutes >= atRiskRatio * t.targetMinutes ? 'at_risk' : 'on_track'
}

export type SlaTargetClock = {
  startedAt: Date
  targetMinutes: number
  pauses: readonly Pause[]
  metAt: Date | null
}

/**
 * Everything the UI shows for one target at `now`: state, due time, minutes used. The
 * clock ends at `metAt`: pauses after it don't matter.
 */
export function evaluateSlaTarget(calendar: Calendar, t: SlaTargetClock, now: Date, atRiskRatio = AT_RISK_RATIO) {
  const stop = t.metAt && t.metAt.getTime() < now.getTime() ? t.metAt : now
  const pauses = t.pauses
    .filter((p) => p.from.getTime() < stop.getTime())
    .map((p) => (p.to === null || p.to.getTime() > stop.getTime() ? { from: p.from, to: t.metAt ? stop : p.to } : p))
  const deadline = slaDeadline(calendar, t.startedAt, t.targetMinutes, pauses)
  const elapsedMinutes = slaElapsedMinutes(calendar, t.startedAt, pauses, stop)
  const facts = { targetMinutes: t.targetMinutes, elapsedMinutes, due: deadline.due, metAt: t.metAt }
  return { ...deadline, elapsedMinutes, state: slaTargetState(facts, now, atRiskRatio) }
}

/**
 * One status per ticket for lists and filters (§5). A breach is a fact that stays:
 * resolution breached → `breached_resolution` (the graver one), else response breached →
 * `breached_response`; then `met` when every target is met; then the running targets
 * decide: `paused`, `at_risk`, `on_track`. Null when the ticket has no SLA. Per-target
 * states (e.g. "awaiting first response, overdue") come from `slaTargetState`.
 */
export function slaStatus(targets: { response?: SlaTargetState | null; resolution?: SlaTargetState | null }): SlaStatus | null {
  const states = [targets.response, targets.resolution].filter((s): s is SlaTargetState => s != null)
  if (states.length === 0) return null
  if (targets.resolution === 'breached') return 'breached_resolution'
  if (targets.response === 'breached') return 'breached_response'
  if (states.every((s) => s === 'met')) return 'met'
  if (states.includes('paused')) return 'paused'
  if (states.includes('at_risk')) return 'at_risk'
  return 'on_track'
}
