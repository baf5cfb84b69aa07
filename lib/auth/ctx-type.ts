import type { Role } from '@/db/enums'
import type { OrgSettings } from '@/db/enums'

/** Who is acting, in which organisation, with which role: built once per request, passed first to every domain function. */
export type Ctx = {
  user: { id: string; email: string; name: string }
  org: { id: string; slug: string; name: string; settings: OrgSettings }
  role: Role
  /** Member of a restricted team: may see sensitive tickets (§6). */
  cleared: boolean
  ip: string | null
}
