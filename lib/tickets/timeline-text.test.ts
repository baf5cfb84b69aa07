import { describe, expect, it } from 'vitest'
import { editText, quotedNote } from './timeline-text'

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

  it('a note that already quotes something gets no second pair of quotes', () => {
    expect(quotedNote('Rule “Broken hardware”')).toBe('Rule “Broken hardware”')
    expect(quotedNote('Still broken')).toBe('“Still broken”')
  })
})
