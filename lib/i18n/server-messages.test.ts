import { describe, expect, it } from 'vitest'
import { z, ZodError } from 'zod'
import { zodResolver } from '@hookform/resolvers/zod'
import { actionStateFor, toActionState } from '@/lib/actions/to-action-state'
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors'
import { CreateTicketInput } from '@/lib/tickets/schemas'
import { checkTransition } from '@/lib/tickets/workflow'
import { capMessage } from '@/lib/tickets/bulk-schemas'
import { localiseMessage } from './localise-message'
import { extractMessages, SAMPLE } from './server-messages/extract'
import { localisedResolver } from './server-messages/client'
import de from './server-messages/de.json'

/**
 * Messages whose German is rightly the English text. Keep short; say why.
 * (None today: every message lib/ can send to a form has a German translation.)
 */
const sameInGerman = new Set<string>([])

describe('every message lib/ can send back has German', () => {
  const found = extractMessages()
  const samples = [...new Set(found.flatMap((f) => f.samples))]

  it('the extractor reads lib/ source: typed errors, zod checks, refine/addIssue messages, consts and templates', () => {
    expect(samples.length).toBeGreaterThan(200)
    for (const expected of [
      'A resolution note is required', // noteRequired in lib/tickets/workflow.ts
      `Ticket #${SAMPLE} was not found`, // a template given to new NotFoundError
      'Enter a title', // .min(1, '…')
      'End after the start', // refine options
      'Business hours need at least one open interval in the week', // ctx.addIssue
      'Choose low, normal, high or urgent', // errorMap
      'One of the files is no longer available (it expired or was already sent). Remove it and upload it again.', // a const followed
      `${SAMPLE} sensitive tickets are in this team; move them to another restricted team first`, // ternaries on one condition stay together
      `A bulk action takes at most ${SAMPLE} tickets at once. Narrow the filters or select fewer tickets.`, // an imported const
      'Only staff can tag tickets', // authorize(ctx, permission, '…')
      `Unknown placeholder ${SAMPLE}; use ${SAMPLE}`, // a …Problem() function's return
    ]) expect(samples).toContain(expected)
    expect(samples).not.toContain(`${SAMPLE} sensitive tickets are in this team; move it to another restricted team first`)
    // The REST API stays English: lib/api and lib/http are not read.
    expect(found.some((f) => f.file.startsWith('lib/api/') || f.file.startsWith('lib/http/'))).toBe(false)
  })

  it('each one is translated (the list shows file:line of any that is not)', () => {
    const missing = found.flatMap((f) => f.samples.filter((s) => !sameInGerman.has(s) && localiseMessage(s, 'de') === s).map((s) => `${f.file}:${f.line} ${s}`))
    expect(missing).toEqual([])
  })

  it('zod’s own messages, for checks that name none, are translated too', () => {
    const messages = (schema: z.ZodTypeAny, value: unknown) => (schema.safeParse(value).error?.issues ?? []).map((i) => i.message)
    const builtIn = [
      ...messages(z.string(), undefined), // Required
      ...messages(z.string(), 5), // Expected string, received number
      ...messages(z.string().email(), 'x'),
      ...messages(z.string().url(), 'x'),
      ...messages(z.string().uuid(), 'x'),
      ...messages(z.string().min(3), 'x'),
      ...messages(z.string().max(2), 'xyz'),
      ...messages(z.string().length(2), 'x'),
      ...messages(z.number().int(), 1.5),
      ...messages(z.number().positive(), 0),
      ...messages(z.number().min(1), 0),
      ...messages(z.number().max(10_000), 20_000),
      ...messages(z.number().lt(1), 1),
      ...messages(z.coerce.number(), 'abc'),
      ...messages(z.array(z.string()).min(1), []),
      ...messages(z.array(z.string()).max(1), ['a', 'b']),
      ...messages(z.enum(['a', 'b']), 'c'),
      ...messages(z.literal('a'), 'b'),
      ...messages(z.string().regex(/a/), 'b'),
      ...messages(z.coerce.date(), 'not a date'),
      ...messages(z.object({}).strict(), { x: 1 }),
    ]
    expect(builtIn.length).toBeGreaterThanOrEqual(21)
    expect(builtIn.filter((m) => localiseMessage(m, 'de') === m)).toEqual([])
    expect(localiseMessage('String must contain at least 3 character(s)', 'de')).toBe('Muss mindestens 3 Zeichen enthalten')
    expect(localiseMessage('Number must be less than or equal to 10000', 'de')).toBe('Darf höchstens 10.000 sein')
  })

  it('the German table is well formed: no empty or English-only entry, no placeholder German does not get', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)(?::\w+)?\}/g)].map((m) => m[1])
    const bad: string[] = []
    const tables = [de.messages, ...Object.values(de.values)] as Record<string, string>[]
    for (const table of tables) {
      for (const [en, text] of Object.entries(table)) {
        if (!text.trim()) bad.push(`${en}: empty`)
        if (text === en && !sameInGerman.has(en)) bad.push(`${en}: untranslated`)
        for (const n of names(text)) if (!names(en).includes(n)) bad.push(`${en}: German uses {${n}}, English has no such placeholder`)
        if (/ you | your /i.test(` ${text} `) || /\bdu\b|\bdein/i.test(text)) bad.push(`${en}: not formal German`)
      }
    }
    expect(bad).toEqual([])
  })
})

describe('localiseMessage', () => {
  it('looks up an exact message', () => {
    expect(localiseMessage('Enter a title', 'de')).toBe('Geben Sie einen Titel ein')
    expect(localiseMessage('Only staff can add internal notes', 'de')).toBe('Nur Mitarbeitende können interne Notizen hinzufügen')
  })

  it('fills a pattern with the values of the English message', () => {
    expect(localiseMessage('Ticket #41 was not found', 'de')).toBe('Ticket #41 wurde nicht gefunden')
    expect(localiseMessage('There is already a team called “Open”', 'de')).toBe('Es gibt bereits ein Team namens „Open“') // a name is not translated
    expect(localiseMessage('3 new replies since you opened this ticket — send anyway?', 'de')).toBe('3 neue Antworten, seit Sie dieses Ticket geöffnet haben – trotzdem senden?')
    // Quantities in the locale's number format (ticket numbers are not quantities).
    expect(localiseMessage(capMessage, 'de')).toBe('Eine Massenaktion umfasst höchstens 1.000 Tickets auf einmal. Grenzen Sie die Filter ein oder wählen Sie weniger Tickets aus.')
    expect(localiseMessage('Ticket #12345 would have 21 tags; the most is 20', 'de')).toBe('Ticket #12345 hätte 21 Schlagwörter; möglich sind höchstens 20')
    // The more specific pattern wins over the general one.
    expect(localiseMessage('Keep the title under 200 characters', 'de')).toBe('Der Titel darf höchstens 200 Zeichen lang sein')
    expect(localiseMessage('Keep the subject under 200 characters', 'de')).toBe('Der Betreff darf höchstens 200 Zeichen lang sein')
    // A placeholder used twice must have the same value twice.
    expect(localiseMessage('Compare dates with > or <, e.g. created>2026-01-01 or created<7d', 'de')).toBe('Vergleichen Sie Datumsangaben mit > oder <, z. B. created>2026-01-01 oder created<7d')
    expect(localiseMessage('Compare dates with > or <, e.g. created>2026-01-01 or updated<7d', 'de')).toBe('Compare dates with > or <, e.g. created>2026-01-01 or updated<7d')
  })

  it('translates values from their tables: statuses, weekdays, usage counts', () => {
    const check = checkTransition('closed', 'new', new Set(['requester']))
    expect(check.ok).toBe(false)
    const message = (check as { message: string }).message
    expect(message).toMatch(/^You cannot move a ticket from Closed to New\./)
    expect(localiseMessage(message, 'de')).toMatch(/^Ein Ticket kann nicht von „Geschlossen“ zu „Neu“ wechseln\. Von „Geschlossen“ aus möglich: /)
    expect(localiseMessage('You cannot move a ticket from Open to New. Allowed from Open: In progress, Cancelled.', 'de'))
      .toBe('Ein Ticket kann nicht von „Offen“ zu „Neu“ wechseln. Von „Offen“ aus möglich: In Bearbeitung, Storniert.')
    expect(localiseMessage('The ticket is already in progress', 'de')).toBe('Das Ticket hat bereits den Status „In Bearbeitung“')
    expect(localiseMessage('Monday: closing time 09:00 must be after opening time 17:00', 'de')).toBe('Montag: Die Schließzeit 09:00 muss nach der Öffnungszeit 17:00 liegen')
    expect(localiseMessage('“Hardware” is used by 3 tickets, 1 SLA policy; deactivate it instead', 'de'))
      .toBe('„Hardware“ wird noch verwendet (3 Tickets, 1 SLA-Richtlinie); deaktivieren Sie die Kategorie stattdessen')
    expect(localiseMessage('Ana is an admin: a token acting for them cannot have ticket:read', 'de')).toBe('Ana hat die Rolle Admin: Ein Token, das für diese Person handelt, kann ticket:read nicht haben')
  })

  it('leaves an unknown message, and every message in English, unchanged', () => {
    expect(localiseMessage('Some message nobody wrote down', 'de')).toBe('Some message nobody wrote down')
    expect(localiseMessage('Ticket #abc was not found', 'de')).toBe('Ticket #abc was not found') // {number} is digits only
    expect(localiseMessage('Enter a title', 'en')).toBe('Enter a title')
    expect(localiseMessage('Ticket #41 was not found', 'en')).toBe('Ticket #41 was not found')
    expect(localiseMessage('', 'de')).toBe('')
  })
})

describe('server actions answer in the reader’s language', () => {
  const zodError = () => {
    const r = CreateTicketInput.safeParse({ title: '  ', description: '', priority: 'whenever', requesterEmail: 'not-an-email' })
    expect(r.success).toBe(false)
    return r.error as ZodError
  }

  it('a ZodError from a real lib schema: message and every field error in German', async () => {
    const state = await toActionState(zodError(), 'de')
    expect(state).toMatchObject({
      ok: false,
      message: 'Bitte korrigieren Sie die markierten Felder.',
      fieldErrors: {
        title: ['Geben Sie einen Titel ein'],
        description: ['Beschreiben Sie das Problem'],
        priority: ['Wählen Sie Niedrig, Normal, Hoch oder Dringend'],
        requesterEmail: ['Geben Sie eine gültige E-Mail-Adresse ein'],
      },
    })
  })

  it('typed domain errors: message and field errors in German, code unchanged; a 404 still carries no field errors', () => {
    expect(actionStateFor(new ValidationError('Reason required', { reason: ['Say why you are moving this ticket from its current assignee'] }), 'de')).toMatchObject({
      ok: false, code: 'validation', message: 'Begründung erforderlich',
      fieldErrors: { reason: ['Begründen Sie, warum Sie dieses Ticket der bisher zuständigen Person abnehmen'] },
    })
    expect(actionStateFor(new ConflictError('1 new reply since you opened this ticket — send anyway?'), 'de'))
      .toMatchObject({ code: 'conflict', message: '1 neue Antwort, seit Sie dieses Ticket geöffnet haben – trotzdem senden?' })
    const notFound = actionStateFor(new NotFoundError('Ticket #7 was not found'), 'de')
    expect(notFound).toMatchObject({ code: 'not_found', message: 'Ticket #7 wurde nicht gefunden' })
    expect(notFound.fieldErrors).toBeUndefined()
    expect(actionStateFor(new NotFoundError(), 'de').message).toBe('Not found') // the bare default never reaches a form as text of its own
  })

  it('an unexpected error shows the localised generic message, never its own text', () => {
    const state = actionStateFor(new Error('relation "x" does not exist'), 'de')
    expect(state.message).toBe('Bei uns ist etwas schiefgelaufen. Ihre Eingabe wurde nicht gespeichert; bitte versuchen Sie es erneut.')
  })

  it('English readers, and calls outside a request, get the English text byte for byte', async () => {
    expect(await toActionState(zodError())).toMatchObject({ message: 'Please correct the highlighted fields.', fieldErrors: { title: ['Enter a title'] } })
    expect(await toActionState(new ValidationError('Reason required', { reason: ['Say why you are moving this ticket from its current assignee'] }), 'en'))
      .toMatchObject({ message: 'Reason required', fieldErrors: { reason: ['Say why you are moving this ticket from its current assignee'] } })
  })
})

describe('client-side validation (react-hook-form + the same zod schema)', () => {
  const options = { shouldUseNativeValidation: false, fields: {} } as never

  it('shows German field errors for a German reader', async () => {
    const resolver = localisedResolver(zodResolver(CreateTicketInput), 'de')
    const { errors } = await resolver({ title: '', description: 'x', priority: 'normal' } as never, undefined, options)
    expect((errors as Record<string, { message?: string }>).title?.message).toBe('Geben Sie einen Titel ein')
  })

  it('leaves English untouched (and the resolver is not even wrapped)', async () => {
    const inner = zodResolver(CreateTicketInput)
    expect(localisedResolver(inner, 'en')).toBe(inner)
    const { errors } = await localisedResolver(inner, 'en')({ title: '', description: 'x', priority: 'normal' } as never, undefined, options)
    expect((errors as Record<string, { message?: string }>).title?.message).toBe('Enter a title')
  })
})
