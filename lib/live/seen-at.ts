/** The newest of a page's message times, as the reply form's `seenAt` (issue 16's collision guard). */
export function latestAt(times: (Date | string)[]): string {
  return new Date(Math.max(...times.map((t) => new Date(t).getTime()))).toISOString()
}
