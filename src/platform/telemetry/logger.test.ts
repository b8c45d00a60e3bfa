import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger } from './logger.js'

function capture() {
  const lines: Record<string, unknown>[] = []
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)))
      done()
    },
  })
  return { lines, logger: createLogger({ level: 'info', service: 'test-service', destination }) }
}

describe('createLogger', () => {
  it('writes OpenTelemetry/ECS field names', () => {
    const { lines, logger } = capture()
    logger.info({ 'event.action': 'login' }, 'hello')
    expect(lines[0]).toMatchObject({
      'log.level': 'info',
      message: 'hello',
      'service.name': 'test-service',
      'process.pid': process.pid,
      'event.action': 'login',
    })
    expect(lines[0]?.['@timestamp']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
  })

  it('masks secrets handed to it by mistake', () => {
    const { lines, logger } = capture()
    logger.warn(
      { password: 'hunter2', request: { authorization: 'Bearer abc', otp: '123456' } },
      'oops',
    )
    const text = JSON.stringify(lines[0])
    expect(text).not.toMatch(/hunter2|Bearer abc|123456/)
    expect(lines[0]).toMatchObject({
      password: '[REDACTED]',
      request: { authorization: '[REDACTED]' },
    })
  })

  it('logs errors under error.* with their type and stack', () => {
    const { lines, logger } = capture()
    logger.error({ error: new TypeError('bad') }, 'failed')
    expect(lines[0]).toMatchObject({ error: { type: 'TypeError', message: 'bad' } })
    expect((lines[0]?.error as { stack_trace: string }).stack_trace).toContain('logger.test.ts')
  })
})
