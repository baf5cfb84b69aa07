// Gives a fresh checkout a session secret and its address so `npm start` works with no setup.
// Production sets AUTH_SECRET and APP_URL in the environment and this does nothing.
import fs from 'node:fs'
import crypto from 'node:crypto'

const file = '.env.local'
if (!process.env.AUTH_SECRET && !fs.existsSync(file)) {
  // APP_URL: links in e-mails are built from it, never from request headers (lib/http/app-origin.ts);
  // a production server refuses to start without it.
  fs.writeFileSync(file, [
    '# Generated on first run for local use. Set AUTH_SECRET and APP_URL in production.',
    `AUTH_SECRET=${crypto.randomBytes(32).toString('base64url')}`,
    // Only when the environment does not already say it (the e2e server, a deployment).
    ...(process.env.APP_URL ? [] : [`APP_URL=http://localhost:${process.env.PORT ?? 3000}`]),
    '',
  ].join('\n'))
  console.log(`Created ${file} with a random AUTH_SECRET and APP_URL.`)
}
