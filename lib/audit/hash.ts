import { createHash } from 'node:crypto'

/** JSON with sorted keys at every level, so the hash does not depend on jsonb's key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`
}

export type HashedFields = {
  organizationId: string
  seq: number
  actorId: string | null
  actorRole: string | null
  entityType: string
  entityId: string
  action: string
  changes: unknown
  ip: string | null
  createdAt: Date
}

export function eventHash(prevHash: string, e: HashedFields): string {
  // Pick the fields explicitly: a stored row carries more (prevHash, hash) than was hashed.
  const body = canonicalJson({
    organizationId: e.organizationId, seq: e.seq, actorId: e.actorId, actorRole: e.actorRole,
    entityType: e.entityType, entityId: e.entityId, action: e.action, changes: e.changes, ip: e.ip,
    createdAt: e.createdAt.toISOString(),
  })
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex')
}

export function genesisHash(organizationId: string): string {
  return createHash('sha256').update(`genesis:${organizationId}`).digest('hex')
}
