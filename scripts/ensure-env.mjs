// Gives a fresh checkout a session secret so `npm start` works with no setup.
// Production sets AUTH_SECRET in the environment and this does nothing.
import fs from 'node:fs'
import crypto from 'node:crypto'

const file = '.env.local'
if (!process.env.AUTH_SECRET && !fs.existsSync(file)) {
  fs.writeFileSync(file, `# Generated on first run for local use. Set AUTH_SECRET in production.\nAUTH_SECRET=${crypto.randomBytes(32).toString('base64url')}\n`)
  console.log(`Created ${file} with a random AUTH_SECRET.`)
}
