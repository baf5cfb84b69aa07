/**
 * Timeline wording that is pure text (no database), kept apart so it can be unit tested:
 * what an edit changed, old → new (issue 18: "edited priority" told nobody what it became).
 */
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).replace('_', ' ')

/** Long values (descriptions) are cut so one line of the timeline stays one line. */
function short(v: unknown, max = 60): string {
  const s = String(v ?? '').replace(/\s+/g, ' ').trim()
  return s.length > max ? `${s.slice(0, max - 1)}…` : s
}

/** "changed priority Normal → Urgent; changed category General → Billing". */
export function editText(changes: Record<string, [unknown, unknown]>, categoryName: (id: unknown) => string | null): string {
  const parts = Object.entries(changes).map(([field, [before, after]]) => {
    switch (field) {
      case 'priority': return `changed priority ${cap(String(before))} → ${cap(String(after))}`
      case 'categoryId': return `changed category ${categoryName(before) ?? 'none'} → ${categoryName(after) ?? 'none'}`
      case 'sensitive': return after ? 'flagged the ticket sensitive' : 'removed the sensitive flag'
      case 'title': return `renamed the ticket from ${short(before)} → ${short(after)}`
      case 'description': return `edited the description from ${short(before) || '(empty)'} → ${short(after) || '(empty)'}`
      default: return `changed ${field} ${short(before) || '(empty)'} → ${short(after) || '(empty)'}`
    }
  })
  return parts.join('; ') || 'edited the ticket'
}

/**
 * A note shown under a timeline line sits in quotes, unless it already quotes something
 * itself (routing's `Rule “Broken hardware”`): one level of quotes, never two.
 */
export function quotedNote(note: string): string {
  return /[“”"]/.test(note) ? note : `“${note}”`
}
