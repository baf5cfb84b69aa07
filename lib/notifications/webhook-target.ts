import 'server-only'
import { AddressNotPublicError, resolvePublic, type Resolver } from '@/lib/net/public-address'

/**
 * On-premise installs may run their SMS gateway on the internal network; everyone else
 * keeps webhooks to the public internet. Read on every use, so tests can switch it.
 */
export const privateTargetsAllowed = () => process.env.WEBHOOK_ALLOW_PRIVATE === '1'

export const NOT_PUBLIC_MESSAGE = 'This address is on a private, local or reserved network. Webhooks can only reach public internet addresses.'

// A save must not hang on a slow resolver; the delivery checks again anyway.
const SAVE_LOOKUP_MS = 5_000

/**
 * Why `url` cannot be saved as a webhook target, or null. The schema already checked its
 * shape; this checks where it points. A name that does not resolve now is accepted (its
 * DNS may not be live yet): every delivery resolves and checks it again before connecting.
 */
export async function webhookTargetProblem(url: string, opts: { resolve?: Resolver } = {}): Promise<string | null> {
  if (privateTargetsAllowed()) return null
  let parsed: URL
  try { parsed = new URL(url) } catch { return 'Enter a full URL, e.g. https://gateway.example/hook' }
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      resolvePublic(parsed.hostname, { resolve: opts.resolve }),
      new Promise((resolve) => { timer = setTimeout(resolve, SAVE_LOOKUP_MS) }),
    ])
    return null
  } catch (err) {
    return err instanceof AddressNotPublicError ? NOT_PUBLIC_MESSAGE : null
  } finally {
    clearTimeout(timer)
  }
}
