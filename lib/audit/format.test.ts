import { describe, expect, it } from 'vitest'
import { createTranslator } from 'next-intl'
import { catalogues } from '@/lib/i18n/messages'
import { actionLabel as actionWith, entityHref, entityLabel as entityWith, fieldLabel as fieldWith, summariseChanges as summariseWith, type AuditRefs, type AuditText } from './format'

// The audit page passes the root translator of the viewer's language; these tests use the real catalogues.
const textFor = (locale: 'en' | 'de'): AuditText => ({ t: createTranslator({ locale, messages: catalogues[locale] }) as unknown as AuditText['t'], locale })
const en = textFor('en')
const de = textFor('de')
const summariseChanges = (c: Record<string, [unknown, unknown]> | null, r: AuditRefs, tz: string) => summariseWith(c, r, tz, en)
const actionLabel = (a: string) => actionWith(a, en)
const fieldLabel = (k: string) => fieldWith(k, en)
const entityLabel = (type: string, id: string, r: AuditRefs) => entityWith(type, id, r, en)

const ticketId = '11111111-1111-4111-8111-111111111111'
const userId = '22222222-2222-4222-8222-222222222222'
const refs = { [ticketId]: '#12', [userId]: 'Andy Agent' }

describe('audit log formatting', () => {
  it('shows old → new with readable status labels', () => {
    expect(summariseChanges({ status: ['new', 'in_progress'] }, refs, 'UTC')).toEqual(['status: New → In progress'])
  })

  it('shows a first value without an arrow and resolves ids to names', () => {
    expect(summariseChanges({ assigneeId: [null, userId], ticketId: [null, ticketId] }, refs, 'UTC'))
      .toEqual(['assignee: Andy Agent', 'ticket: #12'])
  })

  it('marks a cleared value and falls back to a short id for unknown ones', () => {
    expect(summariseChanges({ assigneeId: ['33333333-3333-4333-8333-333333333333', null] }, refs, 'UTC'))
      .toEqual(['assignee: 33333333… → —'])
  })

  it('formats booleans, timestamps in the viewer zone and truncates long text', () => {
    const [a, b, c] = summariseChanges({
      sensitive: [false, true], deletedAt: [null, '2025-03-30T00:30:00.000Z'], note: [null, 'x'.repeat(200)],
    }, refs, 'Europe/London')
    expect(a).toBe('sensitive: no → yes')
    expect(b).toBe('deleted at: 30 Mar 2025, 00:30')
    expect(c.length).toBeLessThan(100)
    expect(c.endsWith('…')).toBe(true)
  })

  it('names actions, fields and entities', () => {
    expect(actionLabel('member.role_changed')).toBe('Role changed')
    expect(fieldLabel('firstResponseAt')).toBe('first response at')
    expect(entityLabel('ticket', ticketId, refs)).toBe('Ticket #12')
    expect(entityLabel('membership', userId, refs)).toBe('Member Andy Agent')
    expect(entityLabel('organization', 'x', refs)).toBe('Organisation')
  })

  it('labels every entity type in words, with its name, and links to where it lives (issue 18)', () => {
    const ruleId = '44444444-4444-4444-4444-444444444444'
    const named = { ...refs, [ruleId]: '“Broken hardware”' }
    expect(entityLabel('routing_rule', ruleId, named)).toBe('Routing rule “Broken hardware”')
    expect(entityLabel('routing_rule', '795a9178-0000-4000-8000-000000000000', named)).toBe('Routing rule 795a9178 (deleted)')
    expect(entityLabel('some_new_thing', 'abcdef123456', named)).toBe('Some new thing abcdef12 (deleted)')
    expect(entityHref('acme', 'ticket', ticketId, named)).toBe('/acme/tickets/12')
    expect(entityHref('acme', 'routing_rule', ruleId, named)).toBe('/acme/settings/routing')
    expect(entityHref('acme', 'routing_rule', 'gone', named)).toBeNull()
  })

  it('speaks German with the German catalogue; unknown codes still read as words', () => {
    expect(summariseWith({ status: ['new', 'in_progress'] }, refs, 'UTC', de)).toEqual(['Status: Neu → In Bearbeitung'])
    expect(summariseWith({ assigneeId: [null, userId], sensitive: [false, true] }, refs, 'UTC', de)).toEqual(['zugewiesene Person: Andy Agent', 'vertraulich: nein → ja'])
    expect(summariseWith({ deletedAt: [null, '2025-03-30T00:30:00.000Z'] }, refs, 'Europe/London', de)).toEqual(['gelöscht am: 30. März 2025, 00:30'])
    expect(actionWith('member.role_changed', de)).toBe('Rolle geändert')
    expect(actionWith('thing.frobnicated_twice', de)).toBe('Frobnicated twice')
    expect(entityWith('ticket', ticketId, refs, de)).toBe('Ticket #12')
    expect(entityWith('membership', userId, refs, de)).toBe('Mitglied Andy Agent')
    expect(entityWith('routing_rule', '795a9178-0000-4000-8000-000000000000', refs, de)).toBe('Routing-Regel 795a9178 (gelöscht)')
    expect(entityWith('organization', 'x', refs, de)).toBe('Organisation')
  })

  it('keeps English for every action and field the catalogue names as the code would read', () => {
    expect(actionLabel('ticket.marked_solution')).toBe('Marked solution')
    expect(actionLabel('ticket.frobnicated')).toBe('Frobnicated')
    expect(fieldLabel('requireStaffTwoFactor')).toBe('require staff two factor')
    expect(fieldLabel('someNewFieldId')).toBe('some new field')
  })

  it('copes with an event without changes', () => {
    expect(summariseChanges({}, refs, 'UTC')).toEqual([])
    expect(summariseChanges(null, refs, 'UTC')).toEqual([])
  })
})
