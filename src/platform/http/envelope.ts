import { z } from 'zod'

/** One entry of MOSIP's `errors` array. */
export interface ErrorItem {
  errorCode: string
  message: string
}

/** MOSIP's response wrapper, used by every Mosaic API response. */
export interface Envelope<T> {
  id: string | null
  version: string
  responsetime: string
  metadata: Record<string, unknown> | null
  response: T | null
  errors: ErrorItem[]
}

const version = '1.0'

/**
 * Wraps a successful result.
 *
 * @example
 * return ok(presentUser(user))
 */
export function ok<T>(
  response: T,
  id: string | null = null,
  metadata: Record<string, unknown> | null = null,
): Envelope<T> {
  return { id, version, responsetime: new Date().toISOString(), metadata, response, errors: [] }
}

export function failure(errors: ErrorItem[], id: string | null = null): Envelope<null> {
  return {
    id,
    version,
    responsetime: new Date().toISOString(),
    metadata: null,
    response: null,
    errors,
  }
}

const errorItemSchema = z.object({ errorCode: z.string(), message: z.string() })

/** Response schema of an enveloped result, for route `schema.response` and the OpenAPI document. */
export function envelopeOf<T extends z.ZodType>(response: T) {
  return z.object({
    id: z.string().nullable(),
    version: z.string(),
    responsetime: z.string(),
    metadata: z.record(z.string(), z.unknown()).nullable(),
    response: response.nullable(),
    errors: z.array(errorItemSchema),
  })
}

/**
 * Body schema of a MOSIP-style request `{id, version, requesttime, request}`, for the routes
 * that must accept what MOSIP clients send.
 */
export function mosipRequestOf<T extends z.ZodType>(id: string, request: T) {
  return z.object({
    id: z.literal(id),
    version: z.string().min(1),
    requesttime: z.iso.datetime({ offset: true }),
    request,
  })
}
