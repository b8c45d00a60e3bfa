import type { DeliveryOutcome } from './transport.js'

/**
 * Classifies an HTTP reply from an SMS gateway or webhook receiver. 2xx is delivered; 408,
 * 425 and 429 ask us to come back later, like any 5xx; every other status (3xx included:
 * redirects are not followed, so a signed body never lands somewhere unexpected) is final.
 */
export function outcomeOfStatus(status: number): DeliveryOutcome {
  if (status >= 200 && status < 300) return { status: 'sent' }
  const reason = `http ${status}`
  if (status >= 500 || status === 408 || status === 425 || status === 429) {
    return { status: 'retry', reason }
  }
  return { status: 'failed', reason }
}

/**
 * Classifies a fetch that threw: timeouts and network errors are worth retrying. The reason
 * keeps the error code only; messages can echo the URL, which may carry a token.
 */
export function outcomeOfFetchError(error: unknown): DeliveryOutcome {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return { status: 'retry', reason: 'timeout' }
  }
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined
  const code = typeof cause?.code === 'string' ? cause.code : 'error'
  return { status: 'retry', reason: `network ${code}` }
}

/**
 * POSTs JSON and classifies the reply. The response body is discarded (it could echo the
 * recipient back) but read to the end, so the connection is reused.
 */
export async function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<DeliveryOutcome> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    })
    await response.arrayBuffer().catch(() => undefined)
    return outcomeOfStatus(response.status)
  } catch (error) {
    return outcomeOfFetchError(error)
  }
}
