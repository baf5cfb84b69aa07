// npm run bench:sla-sweep — how long the breach sweep takes over N open tickets
// (default 100,000) with live deadlines, on DATABASE_URL (or the embedded database).
// Half the tickets have deadlines far away, the rest spread over at-risk and breached;
// reports the first sweep (records, escalates, notifies) and a steady-state sweep.
import { performance } from 'node:perf_hooks'
import { sql } from 'drizzle-orm'
import { closeDb, getDb, getHandle } from '@/db/client'
import { makeOrg } from '@/test/factory'
import { savePolicy } from '@/lib/sla/policies'
import { sweepSla } from '@/lib/sla/sweep'

const N = Number(process.env.BENCH_N ?? 100_000)

async function main() {
  process.env.HELPDESK_SEED = 'off'
  process.env.PGLITE_DATA_DIR ??= 'memory://'
  const { kind } = await getHandle()
  const db = await getDb()
  const o = await makeOrg()
  const { id: policyId } = await savePolicy(o.admin, { priority: 'normal', responseMinutes: 240, resolutionMinutes: 2880, businessHours: false })
  const t0 = performance.now()
  // Deadlines relative to now: g % 20 == 0 → response breached, == 1 → response at risk,
  // == 2 → resolution breached, == 3 → resolution at risk; the rest far in the future.
  await db.execute(sql`
    insert into tickets (organization_id, number, title, description, status, priority, requester_id, assignee_id, created_by_id,
      created_at, sla_policy_id, response_due_at, response_at_risk_at, resolution_due_at, resolution_at_risk_at, first_response_at)
    select ${o.org.id}, g, 'Bench ticket ' || g, 'x', 'in_progress', 'normal', ${o.requester.user.id}, ${o.agent.user.id}, ${o.requester.user.id},
      now() - interval '1 day', ${policyId},
      case when g % 20 = 0 then now() - interval '1 minute' when g % 20 = 1 then now() + interval '10 minutes' else now() + interval '3 hours' end,
      case when g % 20 in (0, 1) then now() - interval '5 minutes' else now() + interval '2 hours' end,
      case when g % 20 = 2 then now() - interval '1 minute' when g % 20 = 3 then now() + interval '10 minutes' else now() + interval '2 days' end,
      case when g % 20 in (2, 3) then now() - interval '5 minutes' else now() + interval '1 day' end,
      case when g % 20 in (2, 3) then now() - interval '20 hours' else null end
    from generate_series(1, ${N}) g`)
  await db.execute(sql`update ticket_counters set last_number = ${N} where organization_id = ${o.org.id}`)
  await db.execute(sql`analyze tickets`)
  const loaded = performance.now() - t0

  const s1 = performance.now()
  const first = await sweepSla(db)
  const firstMs = performance.now() - s1
  const s2 = performance.now()
  const steady = await sweepSla(db)
  const steadyMs = performance.now() - s2
  console.log(`engine: ${kind}; ${N.toLocaleString('en')} open tickets with live deadlines (loaded in ${(loaded / 1000).toFixed(1)} s)`)
  console.log(`first sweep: ${(firstMs / 1000).toFixed(2)} s — ${first.breached} breaches and ${first.atRisk} at-risk marks recorded, escalated and notified`)
  console.log(`steady-state sweep (nothing new): ${(steadyMs / 1000).toFixed(2)} s — ${steady.breached + steady.atRisk} new events`)
  await closeDb()
}
main().catch((err) => { console.error(err); process.exit(1) })
