import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { describeIssues } from '../errors.js'

/** A CloudEvents 1.0 event in JSON form, as every Mosaic event is. */
export interface CloudEvent<T = unknown> {
  readonly specversion: '1.0'
  /** Unique per source; consumers deduplicate by it, JetStream uses it as Nats-Msg-Id. */
  readonly id: string
  /** URI-reference of the producer, e.g. `/mosaic/identity`. */
  readonly source: string
  /** Reverse-DNS kind of event, e.g. `org.mosaic.identity.created`. */
  readonly type: string
  /** What the event is about within the source (a record id), never personal data. */
  readonly subject?: string
  /** UTC ISO-8601 with `Z`. */
  readonly time: string
  readonly datacontenttype: 'application/json'
  readonly data: T
}

/**
 * The wire contract. Strict: an unknown attribute is an error rather than silently dropped,
 * so what a consumer receives is exactly what the producer published.
 */
export const cloudEventSchema = z.strictObject({
  specversion: z.literal('1.0'),
  id: z.string().min(1).max(200),
  source: z.string().min(1).max(500),
  type: z.string().min(1).max(200),
  subject: z.string().min(1).max(500).optional(),
  time: z.iso.datetime({ offset: false, message: 'must be UTC ISO-8601 ending in Z' }),
  datacontenttype: z.literal('application/json'),
  data: z.json(),
})

/** Checks a value against the CloudEvent contract; the error text names each bad field. */
export function parseCloudEvent(
  value: unknown,
): { ok: true; event: CloudEvent } | { ok: false; problem: string } {
  const result = cloudEventSchema.safeParse(value)
  if (result.success) return { ok: true, event: result.data as CloudEvent }
  return { ok: false, problem: describeIssues(result.error, '(event)', Infinity) }
}

export interface NewCloudEvent<T> {
  type: string
  source: string
  data: T
  subject?: string
  id?: string
  time?: Date
}

/**
 * Builds an event with a fresh UUID id and the current time.
 *
 * @example
 * const event = createCloudEvent({ type: 'org.mosaic.identity.created', source: '/mosaic/identity', data: { rid } })
 */
export function createCloudEvent<T>(spec: NewCloudEvent<T>): CloudEvent<T> {
  return {
    specversion: '1.0',
    id: spec.id ?? randomUUID(),
    source: spec.source,
    type: spec.type,
    ...(spec.subject !== undefined && { subject: spec.subject }),
    time: (spec.time ?? new Date()).toISOString(),
    datacontenttype: 'application/json',
    data: spec.data,
  }
}

/** The `id` of a stored or received event, if it has a string one (for logs and dead letters). */
export function eventIdOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || !('id' in value)) return null
  return typeof value.id === 'string' ? value.id : null
}
