/** A parsed MOSIP-style response, as tests look at it. */
export interface Reply<T = unknown> {
  status: number
  headers: Headers
  body: { id: string | null; response: T | null; errors: { errorCode: string; message: string }[] }
}

/** Sends JSON and parses the envelope; `body` may be a string to send malformed JSON as is. */
export async function call<T = unknown>(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<Reply<T>> {
  const body =
    init.body === undefined
      ? undefined
      : typeof init.body === 'string'
        ? init.body
        : JSON.stringify(init.body)
  const response = await fetch(url, {
    method: init.method ?? (body === undefined ? 'GET' : 'POST'),
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...init.headers },
    ...(body !== undefined && { body }),
  })
  const text = await response.text()
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : null,
  }
}

/** The value of a Set-Cookie header's cookie, for sending it back. */
export function cookieFrom(headers: Headers, name: string): string | undefined {
  for (const line of headers.getSetCookie()) {
    const [pair] = line.split(';')
    const [key, ...value] = (pair ?? '').split('=')
    if (key?.trim() === name) return value.join('=')
  }
  return undefined
}
