import { describe, expect, it } from 'vitest'
import { HealthRegistry, healthHttpStatus, type HealthResult } from './health.js'

const indicator = (
  name: string,
  result: HealthResult | (() => Promise<HealthResult>),
  groups: ('liveness' | 'readiness')[] = [],
) => ({
  name,
  groups,
  check: typeof result === 'function' ? result : async () => result,
})

describe('HealthRegistry', () => {
  it('is UP when every component is UP, and ignores UNKNOWN', async () => {
    const health = new HealthRegistry()
    health.register(indicator('db', { status: 'UP' }))
    health.register(indicator('printer', { status: 'UNKNOWN' }))
    expect(await health.evaluate()).toEqual({
      status: 'UP',
      components: { db: { status: 'UP' }, printer: { status: 'UNKNOWN' } },
    })
  })

  it('is DOWN when any component is DOWN, and maps that to 503', async () => {
    const health = new HealthRegistry()
    health.register(indicator('db', { status: 'UP' }))
    health.register(indicator('bus', { status: 'OUT_OF_SERVICE' }))
    health.register(indicator('abis', { status: 'DOWN', details: { error: 'refused' } }))
    const report = await health.evaluate()
    expect(report.status).toBe('DOWN')
    expect(healthHttpStatus(report.status)).toBe(503)
    expect(healthHttpStatus('UP')).toBe(200)
  })

  it('reports a component that throws or hangs as DOWN with the reason', async () => {
    const health = new HealthRegistry(50)
    health.register(
      indicator('broken', async () => Promise.reject(new Error('connection refused'))),
    )
    health.register(indicator('hung', () => new Promise<HealthResult>(() => {})))
    const report = await health.evaluate()
    expect(report.components.broken).toEqual({
      status: 'DOWN',
      details: { error: 'connection refused' },
    })
    expect(report.components.hung).toEqual({
      status: 'DOWN',
      details: { error: 'no answer within 50 ms' },
    })
  })

  it('evaluates only the members of a probe group', async () => {
    const health = new HealthRegistry()
    health.register(indicator('process', { status: 'UP' }, ['liveness']))
    health.register(indicator('db', { status: 'DOWN' }, ['readiness']))
    expect((await health.evaluate('liveness')).status).toBe('UP')
    expect((await health.evaluate('readiness')).status).toBe('DOWN')
  })

  it('refuses two indicators with one name', () => {
    const health = new HealthRegistry()
    health.register(indicator('db', { status: 'UP' }))
    expect(() => health.register(indicator('db', { status: 'UP' }))).toThrow(/registered twice/)
  })
})
