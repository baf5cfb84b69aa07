import { describe, expect, it } from 'vitest'
import { fillPlaceholders, placeholderProblem, placeholdersIn, unknownPlaceholders } from './placeholders'

describe('placeholders', () => {
  it('finds names once each, tolerating inner spaces', () => {
    expect(placeholdersIn('Hi {{ requester.name }}, #{{ticket.number}} {{requester.name}}')).toEqual(['requester.name', 'ticket.number'])
    expect(placeholdersIn('no {{ }} {single} {{1bad}} here')).toEqual([])
  })

  it('names the unknown ones in a field message', () => {
    expect(unknownPlaceholders('{{a}} {{b}} {{c}}', ['a'])).toEqual(['b', 'c'])
    expect(placeholderProblem('{{ticket.nuber}}', ['ticket.number'])).toMatch(/Unknown placeholder \{\{ticket\.nuber\}\}; use \{\{ticket\.number\}\}/)
    expect(placeholderProblem('{{ticket.number}}', ['ticket.number'])).toBeNull()
  })

  it('fills known names, empties missing values, never re-reads inserted text', () => {
    expect(fillPlaceholders('Hi {{requester.name}} ({{agent.name}}) {{other}}', { 'requester.name': '{{agent.name}}', 'agent.name': null }))
      .toBe('Hi {{agent.name}} () {{other}}')
    expect(fillPlaceholders('#{{ ticket.number }}', { 'ticket.number': 42 })).toBe('#42')
  })
})
