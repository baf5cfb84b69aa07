import type { Role } from '@/db/enums'
import type { OrgSettings } from '@/db/enums'
import type { Permission } from '@/lib/authz/permissions'
import type { Tx } from '@/db/client'

/**
 * Who is acting: a signed-in person, an API token (acting for its owner, narrowed to its
 * scopes), or the system itself (jobs: auto-close, SLA sweep, routing).
 */
export type Actor =
  | { kind: 'user'; userId: string }
  | { kind: 'apiToken'; tokenId: string; userId: string; scopes: ReadonlySet<Permission> }
  | { kind: 'system' }

/** Who is acting, in which organisation, with which role: built once per request, passed first to every domain function. */
export type Ctx = {
  actor: Actor
  user: { id: string; email: string; name: string }
  org: { id: string; slug: string; name: string; settings: OrgSettings }
  role: Role
  /** Member of a restricted team: may see sensitive tickets (§6). */
  cleared: boolean
  ip: string | null
  /**
   * Staff of an org that requires two-factor, without it yet: getCtx refuses them everywhere
   * but the enrolment page (issue 18). API tokens are not affected.
   */
  mustEnrolTwoFactor?: boolean
  /** An open transaction the verbs called with this ctx join (lib/db/tx.ts `withTx`). */
  tx?: Tx
}
