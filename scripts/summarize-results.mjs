// Prints one line for the whole run from the JUnit files vitest and Playwright write.
import fs from 'node:fs'
import path from 'node:path'

const dir = process.argv[2] ?? 'test-results'
let tests = 0, failed = 0, skipped = 0
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('-junit.xml')) : []
for (const f of files) {
  const xml = fs.readFileSync(path.join(dir, f), 'utf8')
  // The <testsuites> root carries the totals.
  const root = /<testsuites\b[^>]*>/.exec(xml)?.[0] ?? ''
  const attr = (name) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(root)?.[1] ?? 0)
  tests += attr('tests'); failed += attr('failures') + attr('errors'); skipped += attr('skipped')
}
console.log(`\nTests: ${tests - failed - skipped} passed, ${failed} failed, ${skipped} skipped (${files.join(', ') || 'no results'})`)
