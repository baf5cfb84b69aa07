// Client-safe: `{{name}}` placeholders for canned replies and notification templates. The
// same functions check a template when it is saved (browser and server) and fill it when
// used, so a template that saved always fills completely.

const PLACEHOLDER = /\{\{\s*([a-zA-Z][\w.]*)\s*\}\}/g

/** Every placeholder name in `template`, in order of first use. */
export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))]
}

/** Placeholders of `template` that are not in `allowed` (an empty list: the template is fine). */
export function unknownPlaceholders(template: string, allowed: readonly string[]): string[] {
  return placeholdersIn(template).filter((p) => !allowed.includes(p))
}

/** Field message for a template using unknown placeholders, or null. */
export function placeholderProblem(template: string, allowed: readonly string[]): string | null {
  const unknown = unknownPlaceholders(template, allowed)
  if (!unknown.length) return null
  return `Unknown placeholder${unknown.length === 1 ? '' : 's'} ${unknown.map((u) => `{{${u}}}`).join(', ')}; use ${allowed.map((a) => `{{${a}}}`).join(', ')}`
}

/**
 * Fills `template` with `values`. A value that is missing (e.g. a ticket with no assignee)
 * becomes an empty string; a name outside `values` is left as written, which saving refuses.
 * Values are inserted as plain text, once: a value that itself contains `{{…}}` is not re-read.
 */
export function fillPlaceholders(template: string, values: Record<string, string | number | null | undefined>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (name in values ? String(values[name] ?? '') : whole))
}
