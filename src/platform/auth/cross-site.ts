import type { FastifyRequest } from 'fastify'

/**
 * Whether a browser sent this request from another site. Requests authenticated by cookie
 * must not change anything when it did (CSRF). Uses Fetch Metadata, else the Origin header;
 * requests from non-browser clients carry neither and are not cross-site.
 */
export function isCrossSite(request: FastifyRequest): boolean {
  const fetchSite = request.headers['sec-fetch-site']
  if (typeof fetchSite === 'string') return fetchSite !== 'same-origin' && fetchSite !== 'none'
  const origin = request.headers.origin
  if (typeof origin !== 'string') return false
  try {
    return new URL(origin).host !== request.headers.host
  } catch {
    return true
  }
}
