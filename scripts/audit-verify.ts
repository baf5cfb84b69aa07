// `npm run audit:verify`: recomputes every organisation's audit hash chain (§9).
import { getHandle, closeDb } from '@/db/client'
import { verifyAllChains } from '@/lib/audit/verify'

async function main() {
  const { db } = await getHandle()
  const reports = await verifyAllChains(db)
  let broken = 0
  for (const r of reports) {
    if (r.ok) console.log(`ok      ${r.slug}: ${r.checked} events`)
    else {
      broken++
      console.log(`BROKEN  ${r.slug}: first broken link at event #${r.brokenAt!.seq} — ${r.brokenAt!.reason} (${r.checked} events verified before it)`)
    }
  }
  await closeDb()
  if (reports.length === 0) console.log('No organisations.')
  process.exit(broken ? 1 : 0)
}
main().catch((err) => { console.error(err); process.exit(2) })
