import { describe, expect, it } from 'vitest'
import { createCloudEvent, parseCloudEvent } from './cloud-event.js'

describe('CloudEvents', () => {
  it('builds valid events with a UUID id and a UTC time', () => {
    const event = createCloudEvent({
      type: 'org.mosaic.t',
      source: '/mosaic/t',
      data: { a: 1 },
      subject: 's-1',
    })
    expect(event).toMatchObject({
      specversion: '1.0',
      datacontenttype: 'application/json',
      subject: 's-1',
    })
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(event.time).toMatch(/Z$/)
    expect(parseCloudEvent(event)).toEqual({ ok: true, event })
  })

  it('names every bad field', () => {
    const event = createCloudEvent({ type: 'org.mosaic.t', source: '/mosaic/t', data: null })
    const result = parseCloudEvent({
      ...event,
      specversion: '0.3',
      time: '2026-01-01 10:00',
      id: '',
    })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.problem).toMatch(
        /specversion: .*; id: .*; time: must be UTC ISO-8601 ending in Z/,
      )
    }
  })

  it('accepts only JSON data, so what is published is what is delivered', () => {
    const event = createCloudEvent({ type: 'org.mosaic.t', source: '/mosaic/t', data: null })
    for (const data of [new Date(), undefined, () => 1, Number.NaN, { big: 1n }]) {
      expect(parseCloudEvent({ ...event, data }).ok, String(data)).toBe(false)
    }
    expect(parseCloudEvent({ ...event, data: { list: [1, 'a', null, { ok: true }] } }).ok).toBe(
      true,
    )
  })

  it('rejects non-objects and unknown attributes', () => {
    expect(parseCloudEvent('text').ok).toBe(false)
    expect(parseCloudEvent(null).ok).toBe(false)
    const event = createCloudEvent({ type: 'org.mosaic.t', source: '/mosaic/t', data: 1 })
    expect(parseCloudEvent({ ...event, traceparent: 'x' }).ok).toBe(false)
  })
})
