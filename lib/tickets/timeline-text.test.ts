import { describe, expect, it } from 'vitest'
import { createTranslator } from 'next-intl'
import { catalogues } from '@/lib/i18n/messages'
import { assignmentMessage, editMessage, editText, listChangeMessage, quotedNote, renderTimeline, statusMessage, type TimelineTranslate } from './timeline-text'

const german = createTranslator({ locale: 'de', messages: catalogues.de }) as unknown as TimelineTranslate

describe('timeline text (issue 18)', () => {
  const names: Record<string, string> = { a: 'General', b: 'Billing' }
  const categoryName = (id: unknown) => names[String(id)] ?? null

  it('every field change shows old → new', () => {
    expect(editText({ priority: ['normal', 'urgent'] }, categoryName)).toBe('changed priority Normal → Urgent')
    expect(editText({ categoryId: ['a', 'b'], priority: ['low', 'high'] }, categoryName))
      .toBe('changed category General → Billing; changed priority Low → High')
    expect(editText({ categoryId: [null, 'b'] }, categoryName)).toBe('changed category none → Billing')
    expect(editText({ title: ['Printer', 'Printer on floor 2'] }, categoryName)).toBe('renamed the ticket from Printer → Printer on floor 2')
    expect(editText({ sensitive: [false, true] }, categoryName)).toBe('flagged the ticket sensitive')
    const long = editText({ description: ['x'.repeat(200), 'short'] }, categoryName)
    expect(long).toMatch(/^edited the description from x+… → short$/)
    expect(long.length).toBeLessThan(100)
  })

  it('the same lines render in German from the catalogue', () => {
    expect(renderTimeline(editMessage({ priority: ['normal', 'urgent'] }, categoryName), german)).toBe('hat die Priorität geändert: Normal → Dringend')
    expect(renderTimeline(editMessage({ categoryId: [null, 'b'], sensitive: [true, false] }, categoryName), german))
      .toBe('hat die Kategorie geändert: keine → Billing; hat die Vertraulichkeitsmarkierung entfernt')
    expect(renderTimeline(statusMessage('open', 'in_progress'), german)).toBe('hat den Status geändert: Offen → In Bearbeitung')
    expect(renderTimeline(listChangeMessage('ticket.tags_changed', { tags: [['wifi', 'lan'], ['vpn']] })!, german))
      .toBe('hat die Tags vpn hinzugefügt und hat die Tags wifi, lan entfernt')
    const moved = { kind: 'manual', fromTeamId: null, toTeamId: 't', fromAssigneeId: null, toAssigneeId: 'u', from: null, to: 'Bo', fromTeam: null, toTeam: 'Support' }
    expect(renderTimeline(assignmentMessage(moved), german)).toBe('hat das Ticket Support zugeordnet und es Bo zugewiesen')
  })

  it('a note that already quotes something gets no second pair of quotes', () => {
    expect(quotedNote('Rule “Broken hardware”')).toBe('Rule “Broken hardware”')
    expect(quotedNote('Still broken')).toBe('“Still broken”')
  })
})
