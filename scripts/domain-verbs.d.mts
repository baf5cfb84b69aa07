export type DomainVerb = { file: string; name: string; body: string; isAsync: boolean }
export function domainVerbs(): DomainVerb[]
export function indexedDomains(): string[]
