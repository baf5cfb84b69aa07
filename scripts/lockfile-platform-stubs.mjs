// The npm registry this project is built against serves only linux-x64 builds of
// platform-specific optional packages (tailwind's oxide, rollup, unrs-resolver…), so
// `npm install` leaves them out of package-lock.json and `npm ci` then refuses the
// lockfile as out of sync. This adds an entry for each missing optional package, with
// the os/cpu its name declares, so `npm ci` skips it on other platforms without a fetch.
// Run after `npm install` changes the lockfile: node scripts/lockfile-platform-stubs.mjs
import fs from 'node:fs'

const file = 'package-lock.json'
const lock = JSON.parse(fs.readFileSync(file, 'utf8'))
const pkgs = lock.packages
const osOf = (n) => ['android', 'darwin', 'freebsd', 'linux', 'openbsd', 'openharmony', 'win32', 'netbsd', 'sunos', 'aix'].find((o) => n.includes(o))
const cpuOf = (n) => ['arm64', 'x64', 'ia32', 'arm', 'loong64', 'ppc64', 'riscv64', 's390x', 'wasm32'].find((c) => new RegExp(`[-_]${c}([-_]|$)`).test(n))
let added = 0
for (const [path, meta] of Object.entries(pkgs)) {
  for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`
    const nested = `${path}/node_modules/${dep}`
    if (pkgs[key] || pkgs[nested]) continue
    const os = osOf(dep)
    const cpu = cpuOf(dep)
    pkgs[key] = {
      version,
      ...(meta.dev ? { dev: true } : {}),
      optional: true,
      ...(cpu ? { cpu: [cpu] } : {}),
      ...(os ? { os: [os] } : {}),
    }
    added++
  }
}
lock.packages = Object.fromEntries(Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))))
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n')
console.log(`lockfile: added ${added} platform stubs`)
