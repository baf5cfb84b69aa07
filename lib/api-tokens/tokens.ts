import 'server-only'
import { and, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { z } from 'zod'
import { apiTokens, memberships, organizations, users } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import { withTx, dbFor } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { loadCtx } from '@/lib/auth/load-ctx'
import { authorize } from '@/lib/authz/can'
import { rolePermissions, type Permission } from '@/lib/authz/permissions'
import { recordAudit } from '@/lib/audit/record'
import { DomainError, NotFoundError, UnauthorizedError, ValidationError } from '@/lib/errors'
import { CreateTokenInput, RevokeTokenInput } from './schemas'
import { hashSecret, looksLikeSecret, newSecret } from './secret'

const owner = alias(users, 'owner')
const creator = alias(users, 'creator')

/**
 * Creates a token acting for the member with `ownerEmail`. Its scopes may not exceed what the owner's role
 * allows today; at every use they are narrowed again to the owner's role *then*, so
 * demoting or deactivating a member demotes or stops their tokens at once.
 */
export async function createApiToken(ctx: Ctx, raw: z.input<typeof CreateTokenInput>) {
  authorize(ctx, 'settings:manage')
  const input = CreateTokenInput.parse(raw)
  return withTx(ctx, async (tx) => {
    const [member] = await tx.select({ id: users.id, role: memberships.role, name: users.name }).from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, ctx.org.id), sql`lower(${users.email}) = ${input.ownerEmail}`, eq(memberships.active, true)))
    if (!member) throw new ValidationError('No active member has that email', { ownerEmail: ['No active member of this organisation has that email'] })
    const allowed = rolePermissions(member.role)
    const beyond = input.scopes.filter((s) => !allowed.has(s))
    if (beyond.length) {
      const message = `${member.name} is ${member.role === 'admin' ? 'an' : 'a'} ${member.role}: a token acting for them cannot have ${beyond.join(', ')}`
      throw new ValidationError(message, { scopes: [message] })
    }
    const scopes = [...new Set(input.scopes)]
    const { secret, prefix, hash } = newSecret()
    const expiresAt = input.expiresInDays === 'never' ? null : new Date(Date.now() + Number(input.expiresInDays) * 86_400_000)
    const [row] = await tx.insert(apiTokens).values({
      organizationId: ctx.org.id, name: input.name, ownerId: member.id, createdById: ctx.user.id, scopes, prefix, secretHash: hash, expiresAt,
    }).returning({ id: apiTokens.id, createdAt: apiTokens.createdAt })
    await recordAudit(tx, ctx, {
      entityType: 'api_token', entityId: row.id, action: 'api_token.created',
      changes: { name: [null, input.name], owner: [null, member.name], scopes: [null, scopes], expiresAt: [null, expiresAt] },
    })
    return { id: row.id, name: input.name, prefix, secret, expiresAt }
  })
}

export async function listApiTokens(ctx: Ctx) {
  authorize(ctx, 'settings:manage')
  const db = await dbFor(ctx)
  return db.select({
    id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, scopes: apiTokens.scopes,
    owner: { id: owner.id, name: owner.name, email: owner.email }, createdBy: creator.name,
    createdAt: apiTokens.createdAt, expiresAt: apiTokens.expiresAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt,
  }).from(apiTokens)
    .innerJoin(owner, eq(owner.id, apiTokens.ownerId))
    .leftJoin(creator, eq(creator.id, apiTokens.createdById))
    .where(eq(apiTokens.organizationId, ctx.org.id))
    .orderBy(sql`${apiTokens.revokedAt} is not null`, desc(apiTokens.createdAt)).limit(200)
}
export type ApiTokenRow = Awaited<ReturnType<typeof listApiTokens>>[number]

/** Revocation takes effect on the next request: every request looks the token up. */
export async function revokeApiToken(ctx: Ctx, raw: z.input<typeof RevokeTokenInput>) {
  authorize(ctx, 'settings:manage')
  const { id } = RevokeTokenInput.parse(raw)
  await withTx(ctx, async (tx) => {
    const [row] = await tx.update(apiTokens).set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.organizationId, ctx.org.id), eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning({ name: apiTokens.name })
    if (!row) throw new NotFoundError('That token was not found or is already revoked')
    await recordAudit(tx, ctx, { entityType: 'api_token', entityId: id, action: 'api_token.revoked', changes: { revoked: [false, true] } })
  })
}

/** Last use is recorded at most once a minute per token, so a busy integration costs no extra write per request. */
const LAST_USED_GRANULARITY = sql`now() - interval '1 minute'`

/**
 * The context for a request carrying `Authorization: Bearer <secret>` on `/api/v1/<org>/…`:
 * the owner's context (active membership, current role, clearance) with the token's scopes.
 * Unknown, revoked, expired and other organisations' tokens all answer the same 401.
 */
export async function tokenCtx(db: DbOrTx, orgSlug: string, secret: string, ip: string | null): Promise<Ctx> {
  const invalid = () => new UnauthorizedError('The API token is invalid, expired or revoked')
  if (!looksLikeSecret(secret)) throw invalid()
  const [row] = await db.select({ id: apiTokens.id, ownerId: apiTokens.ownerId, scopes: apiTokens.scopes, orgId: apiTokens.organizationId }).from(apiTokens)
    .innerJoin(organizations, eq(organizations.id, apiTokens.organizationId))
    .where(and(
      eq(organizations.slug, orgSlug), eq(apiTokens.secretHash, hashSecret(secret)), isNull(apiTokens.revokedAt),
      or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
    )).limit(1)
  if (!row) throw invalid()
  let ctx: Ctx
  try {
    ctx = await loadCtx(db, row.ownerId, orgSlug, ip)
  } catch (err) {
    // The owner left the organisation or was deactivated: the token stops with them.
    if (err instanceof DomainError && err.code === 'not_member') throw invalid()
    throw err
  }
  await db.update(apiTokens).set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiTokens.organizationId, row.orgId), eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, LAST_USED_GRANULARITY))))
  const role = rolePermissions(ctx.role)
  const scopes = new Set(row.scopes.filter((s): s is Permission => role.has(s as Permission)))
  return { ...ctx, actor: { kind: 'apiToken', tokenId: row.id, userId: row.ownerId, scopes } }
}
