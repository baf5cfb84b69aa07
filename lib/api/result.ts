/** What an API operation answers: the status, a JSON body, and any headers (ETag, Location). */
export type ApiResult = {
  status: number; body: unknown; headers?: Record<string, string>
  /** A streamed body (a CSV export) instead of JSON; its content type comes in `headers`. */
  stream?: ReadableStream<Uint8Array>
}
