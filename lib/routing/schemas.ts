import { z } from 'zod'
import { ticketPriorities } from '@/db/enums'
import { CreateTicketInput } from '@/lib/tickets/schemas'

// Client-safe: the rule editor and the preview validate with these in the browser too.

export const RULE_NAME_MAX = 80
const LIST_MAX = 30

/**
 * "vpn, wi-fi\nprinter" → ["vpn", "wi-fi", "printer"]: a form sends one text box, an API
 * may send an array. Errors land on the field itself (not `field.0`), next to its input.
 */
const list = (what: string, normalise: (s: string) => string, check: (s: string) => string | null) => z.preprocess(
  (v) => (typeof v === 'string' ? v.split(/[,\n]/) : v ?? []),
  z.array(z.string(), { invalid_type_error: `Enter ${what} separated by commas` }).transform((xs, ctx) => {
    const out = [...new Set(xs.map((x) => normalise(x.trim())).filter(Boolean))]
    const bad = out.map(check).find(Boolean)
    if (bad) ctx.addIssue({ code: z.ZodIssueCode.custom, message: bad })
    if (out.length > LIST_MAX) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `At most ${LIST_MAX} ${what}` })
    return out
  }),
)

const DOMAIN = /^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z0-9-]{2,}$/
const keywords = list('keywords', (k) => k, (k) => (k.length > 60 ? 'Keep each keyword under 60 characters' : null))
const domains = list('domains', (d) => d.toLowerCase().replace(/^@/, ''), (d) => (DOMAIN.test(d) ? null : `“${d}” is not a domain; enter domains such as example.org`))

// The form helper posts an empty checkbox group as "false" (so edits can clear it).
const priorities = z.preprocess(
  (v) => (typeof v === 'string' ? (v && v !== 'false' ? [v] : []) : Array.isArray(v) ? v.filter((x) => x !== 'false' && x !== false) : v ?? []),
  z.array(z.string()).transform((xs, ctx) => {
    const out = [...new Set(xs)]
    if (out.some((p) => !(ticketPriorities as readonly string[]).includes(p))) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'Choose low, normal, high or urgent' })
    return out as (typeof ticketPriorities)[number][]
  }),
)

const optionalUuid = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().uuid('Choose a valid option').optional())

export const RuleInput = z.object({
  /** Absent for a new rule. */
  ruleId: optionalUuid,
  name: z.string().trim().min(1, 'Name the rule').max(RULE_NAME_MAX, `Keep the name under ${RULE_NAME_MAX} characters`),
  teamId: z.string({ required_error: 'Choose a team' }).uuid('Choose a team'),
  categoryId: optionalUuid,
  priorities,
  keywords,
  requesterDomains: domains,
  active: z.preprocess((v) => v === undefined ? true : v === true || v === 'on' || v === 'true', z.boolean()),
})
export type RuleInput = z.input<typeof RuleInput>

export const RuleRefInput = z.object({ ruleId: z.string().uuid('Unknown rule') })
export const MoveRuleInput = RuleRefInput.extend({ direction: z.enum(['up', 'down']) })

/** The preview's small ticket: what routing would see for a new ticket. */
export const RoutePreviewInput = z.object({
  title: z.string().trim().max(200).default(''),
  description: z.string().trim().max(5000).default(''),
  categoryId: optionalUuid,
  priority: CreateTicketInput.shape.priority,
  requesterEmail: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().toLowerCase().email('Enter a valid email address').optional()),
})
