// Client-safe, pure: CSV as RFC 4180 writes it, made safe to open in a spreadsheet.

/** A cell a spreadsheet would run as a formula (or a DDE payload) if opened as is. */
const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/

/**
 * One field: a value starting like a formula gets a leading `'` (OWASP's advice, so
 * `=HYPERLINK(…)` in a ticket title stays text in Excel); then quoted when it holds a
 * comma, quote or line break, quotes doubled (RFC 4180 §2).
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return ''
  let s = String(value)
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** One record, CRLF-terminated as RFC 4180 and Excel expect. */
export const csvLine = (cells: readonly (string | number | boolean | null | undefined)[]) => `${cells.map(csvCell).join(',')}\r\n`

/** Excel reads a CSV as UTF-8 only when it starts with a byte-order mark. */
export const CSV_BOM = '\uFEFF'
