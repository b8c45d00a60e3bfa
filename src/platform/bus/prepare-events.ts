import { parseCloudEvent } from './cloud-event.js'
import { busErrors } from './errors.js'
import type { TopicEvent } from './event-bus.js'
import { isTopic } from './topic.js'

/** Largest serialized event; well under NATS's default 1 MiB max_payload. */
export const maxEventBytes = 512 * 1024

/** An event checked and serialized once, ready for either backend. */
export interface PreparedEvent {
  readonly topic: string
  readonly id: string
  readonly json: string
}

/**
 * Validates every event before any is stored, so a batch is accepted or rejected whole.
 * Throws `MOS-BUS-001/002/006` naming the first bad event.
 */
export function prepareEvents(events: readonly TopicEvent[]): PreparedEvent[] {
  if (!Array.isArray(events))
    throw busErrors.invalidEvent('publish takes an array of {topic, event}')
  return events.map((item: TopicEvent, index) => {
    if (typeof item?.topic !== 'string' || !isTopic(item.topic)) {
      throw busErrors.invalidTopic(String(item?.topic))
    }
    const parsed = parseCloudEvent(item.event)
    if (!parsed.ok) {
      const where = events.length > 1 ? `event ${index} (topic ${item.topic}): ` : ''
      throw busErrors.invalidEvent(`${where}${parsed.problem}`)
    }
    const json = JSON.stringify(parsed.event)
    const bytes = Buffer.byteLength(json)
    if (bytes > maxEventBytes) throw busErrors.eventTooLarge(parsed.event.id, bytes, maxEventBytes)
    return { topic: item.topic, id: parsed.event.id, json }
  })
}
