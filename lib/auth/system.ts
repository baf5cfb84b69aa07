import type { Ctx } from './ctx-type'

// Automatic changes (auto-close, SLA escalation) act as "the system": they pass the same
// domain code paths as people but are recorded with no actor.
const SYSTEM_USER_ID = '00000000-0000-0000-0000-000000000000'

export function systemCtx(org: Ctx['org']): Ctx {
  return { actor: { kind: 'system' }, user: { id: SYSTEM_USER_ID, email: '', name: 'Helpdesk' }, org, role: 'admin', cleared: true, ip: null }
}

export const isSystem = (ctx: Pick<Ctx, 'actor'>) => ctx.actor.kind === 'system'

/** The actor as history and audit record it: nobody, for the system. */
export const recordedActor = (ctx: Ctx) => (isSystem(ctx) ? { ...ctx, user: null } : ctx)
