import { getLanguage, translate, type MessageKey } from './i18n/index.js'

/** One entry of a MOSIP envelope's `errors`. */
export interface EnvelopeError {
  errorCode: string
  message: string
}

/** The MOSIP-style envelope every Mosaic API response is wrapped in. */
export interface ResponseEnvelope {
  id: string | null
  version: string | null
  responsetime: string
  response: unknown
  errors: EnvelopeError[] | null
}

/**
 * A failed API call. `message` is what to show the user: the server's `errors[0].message`
 * when it sent one, else a translated fallback chosen by HTTP status.
 */
export class ApiError extends Error {
  /** HTTP status; 0 when no response arrived (offline, timeout). */
  readonly status: number
  /** The server's `errorCode` (e.g. KER-ATH-401), when it sent one. */
  readonly code: string | undefined
  /** Set when the server sent no message, so the UI can re-translate on a language change. */
  readonly fallbackKey: MessageKey | undefined

  constructor(spec: {
    status: number
    code?: string
    serverMessage?: string
    fallbackKey: MessageKey
  }) {
    const serverMessage = spec.serverMessage?.trim()
    super(serverMessage || translate(getLanguage(), spec.fallbackKey))
    this.name = 'ApiError'
    this.status = spec.status
    this.code = spec.code
    this.fallbackKey = serverMessage ? undefined : spec.fallbackKey
  }
}

/** Turns the untyped `response` of an envelope into a typed value, throwing if it does not fit. */
export type Parser<T> = (value: unknown) => T

/** Options of one API call. */
export interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  parse: Parser<T>
  /** Try a token refresh and one retry on 401 (default true; off for login and refresh). */
  retryOnUnauthorized?: boolean
  /** Fallback message per HTTP status when the server sends none (e.g. 401 on login). */
  fallbacks?: Partial<Record<number, MessageKey>>
}

/** A JSON client for the Mosaic API that holds the access token in memory only. */
export interface ApiClient {
  request<T>(path: string, options: RequestOptions<T>): Promise<T>
  /**
   * A raw authorised GET (Bearer, Accept-Language, one refresh-and-retry on 401) for what is
   * not an envelope: file downloads and event streams. No timeout; pass `signal` to stop it.
   */
  fetchRaw(path: string, options?: { accept?: string; signal?: AbortSignal }): Promise<Response>
  setAccessToken(token: string | null): void
  hasAccessToken(): boolean
  /** Exchanges the httpOnly refresh cookie for a new access token; the grant, or null. */
  refreshSession(): Promise<unknown>
  /** Called when the session cannot be renewed and the user must sign in again. */
  onSessionExpired(listener: () => void): () => void
  /** Called with each grant obtained by a refresh (so the app can update the user). */
  onSessionRefreshed(listener: (grant: unknown) => void): () => void
}

const refreshPath = '/api/v1/auth/refresh'
const timeoutMs = 30_000

function fallbackFor(status: number, fallbacks: RequestOptions<unknown>['fallbacks']): MessageKey {
  const chosen = fallbacks?.[status]
  if (chosen !== undefined) return chosen
  if (status === 0) return 'error.network'
  if (status === 401) return 'error.unauthorized'
  if (status === 403) return 'error.forbidden'
  if (status === 423) return 'error.locked'
  if (status === 429) return 'error.rateLimited'
  if (status >= 500) return 'error.server'
  return 'error.unexpected'
}

function isEnvelope(value: unknown): value is ResponseEnvelope {
  return typeof value === 'object' && value !== null && 'response' in value
}

function firstError(envelope: ResponseEnvelope | undefined): EnvelopeError | undefined {
  const first: unknown = envelope?.errors?.[0]
  if (typeof first !== 'object' || first === null) return undefined
  const { errorCode, message } = first as Partial<Record<keyof EnvelopeError, unknown>>
  return {
    errorCode: typeof errorCode === 'string' ? errorCode : '',
    message: typeof message === 'string' ? message : '',
  }
}

/** Creates the client; `baseUrl` is empty when the app and the API share an origin. */
export function createApiClient(options: { baseUrl?: string } = {}): ApiClient {
  const baseUrl = options.baseUrl ?? ''
  let accessToken: string | null = null
  let refreshing: Promise<unknown> | null = null
  const expiredListeners = new Set<() => void>()
  const refreshedListeners = new Set<(grant: unknown) => void>()

  async function send(
    path: string,
    method: string,
    body: unknown,
    raw?: { accept?: string; signal?: AbortSignal },
  ): Promise<Response> {
    const headers: Record<string, string> = {
      Accept: raw?.accept ?? 'application/json',
      'Accept-Language': getLanguage(),
    }
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    if (accessToken !== null) headers.Authorization = `Bearer ${accessToken}`
    try {
      return await fetch(baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        signal: raw ? raw.signal : AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      if (raw?.signal?.aborted) throw error
      throw new ApiError({ status: 0, fallbackKey: 'error.network' })
    }
  }

  async function readEnvelope(response: Response): Promise<ResponseEnvelope | undefined> {
    try {
      const json: unknown = await response.json()
      return isEnvelope(json) ? json : undefined
    } catch {
      return undefined
    }
  }

  async function unwrap<T>(response: Response, options: RequestOptions<T>): Promise<T> {
    const envelope = await readEnvelope(response)
    const error = firstError(envelope)
    if (!response.ok || error !== undefined || envelope === undefined) {
      const status = response.ok ? 500 : response.status
      throw new ApiError({
        status,
        code: error?.errorCode || undefined,
        serverMessage: error?.message,
        fallbackKey: fallbackFor(status, options.fallbacks),
      })
    }
    try {
      return options.parse(envelope.response)
    } catch {
      throw new ApiError({ status: response.status, fallbackKey: 'error.unexpected' })
    }
  }

  function expire(): void {
    accessToken = null
    for (const listener of expiredListeners) listener()
  }

  async function refreshOnce(): Promise<unknown> {
    const response = await send(refreshPath, 'POST', undefined).catch(() => null)
    if (response === null || !response.ok) return null
    const envelope = await readEnvelope(response)
    const grant = envelope?.response
    if (typeof grant !== 'object' || grant === null || !('accessToken' in grant)) return null
    if (typeof grant.accessToken !== 'string') return null
    accessToken = grant.accessToken
    for (const listener of refreshedListeners) listener(grant)
    return grant
  }

  const client: ApiClient = {
    async request<T>(path: string, options: RequestOptions<T>): Promise<T> {
      const method = options.method ?? 'GET'
      let response = await send(path, method, options.body)
      if (response.status === 401 && options.retryOnUnauthorized !== false) {
        const grant = await client.refreshSession()
        if (grant === null) {
          expire()
          throw new ApiError({ status: 401, fallbackKey: 'error.unauthorized' })
        }
        response = await send(path, method, options.body)
        if (response.status === 401) expire()
      }
      return unwrap(response, options)
    },
    async fetchRaw(path, options = {}) {
      let response = await send(path, 'GET', undefined, options)
      if (response.status === 401) {
        const grant = await client.refreshSession()
        if (grant === null) {
          expire()
          throw new ApiError({ status: 401, fallbackKey: 'error.unauthorized' })
        }
        response = await send(path, 'GET', undefined, options)
        if (response.status === 401) expire()
      }
      if (!response.ok) {
        // Errors come back as envelopes even when a file or a stream was asked for.
        const error = firstError(await readEnvelope(response))
        throw new ApiError({
          status: response.status,
          code: error?.errorCode || undefined,
          serverMessage: error?.message,
          fallbackKey: fallbackFor(response.status, undefined),
        })
      }
      return response
    },
    setAccessToken(token) {
      accessToken = token
    },
    hasAccessToken() {
      return accessToken !== null
    },
    refreshSession() {
      // Concurrent 401s share one refresh, so the refresh cookie is rotated only once.
      refreshing ??= refreshOnce().finally(() => {
        refreshing = null
      })
      return refreshing
    },
    onSessionExpired(listener) {
      expiredListeners.add(listener)
      return () => expiredListeners.delete(listener)
    },
    onSessionRefreshed(listener) {
      refreshedListeners.add(listener)
      return () => refreshedListeners.delete(listener)
    },
  }
  return client
}

/**
 * The text to show for any failure: the server's message, or the fallback translated into the
 * current language (so it follows a language switch made after the error).
 */
export function describeError(error: unknown, t: (key: MessageKey) => string): string {
  if (error instanceof ApiError) return error.fallbackKey ? t(error.fallbackKey) : error.message
  return t('error.unexpected')
}
