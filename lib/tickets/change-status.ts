import 'server-only'
import { z } from 'zod'
import { withTx } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { ForbiddenError, ValidationError } from '@/lib/errors'
import { capacities, loadVisibleTicket } from './internal/load'
import { ChangeStatusInput } from './schemas'
import { applyStatus } from './internal/set-status'
import { checkTransition } from './workflow'

/** A person moves a ticket along the §4 workflow; anything else is refused with the allowed options. */
export async function changeStatus(ctx: Ctx, raw: z.input<typeof ChangeStatusInput>) {
  const input = ChangeStatusInput.parse(raw)
  return withTx(ctx, async (tx) => {
    const ticket = await loadVisibleTicket(tx, ctx, input.number, { lock: true })
    if (ticket.status === input.to) throw new ValidationError(`The ticket is already ${input.to.replace('_', ' ')}`, { to: ['Choose a different status'] })
    const check = checkTransition(ticket.status, input.to, capacities(ctx, ticket))
    if (!check.ok) throw new ForbiddenError(check.message)
    if (check.noteRequired && !input.note) throw new ValidationError(check.noteRequired, { note: [check.noteRequired] })
    await applyStatus(tx, ctx, ticket, input.to, input.note || null)
    return ticket
  })
}
