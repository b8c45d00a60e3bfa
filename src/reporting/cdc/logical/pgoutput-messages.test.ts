import { describe, expect, it } from 'vitest'
import {
  formatLsn,
  parseFrame,
  parseLsn,
  parsePgOutput,
  standbyStatus,
} from './pgoutput-messages.js'
import { replicationNames } from './replication-setup.js'

describe('pgoutput framing', () => {
  it('reads and writes LSNs as PostgreSQL prints them', () => {
    expect(parseLsn('16/B374D848')).toBe(0x16b374d848n)
    expect(formatLsn(0x16b374d848n)).toBe('16/B374D848')
    expect(formatLsn(0n)).toBe('0/0')
    expect(() => parseLsn('16-B3')).toThrow(expect.objectContaining({ code: 'MOS-RPT-112' }))
  })

  it('writes standby status updates and reads keepalives', () => {
    const frame = standbyStatus(0x1234n, new Date('2000-01-01T00:00:01Z'), true)
    expect(frame.length).toBe(34)
    expect(frame.toString('latin1', 0, 1)).toBe('r')
    expect(frame.readBigUInt64BE(1)).toBe(0x1234n)
    expect(frame.readBigUInt64BE(9)).toBe(0x1234n)
    expect(frame.readBigInt64BE(25)).toBe(1_000_000n)
    expect(frame[33]).toBe(1)
    const keepalive = Buffer.alloc(18)
    keepalive.write('k', 0, 'latin1')
    keepalive.writeBigUInt64BE(99n, 1)
    keepalive[17] = 1
    expect(parseFrame(keepalive)).toEqual({ type: 'keepalive', walEnd: 99n, replyRequested: true })
  })

  it('refuses truncated messages and skips those it does not need', () => {
    expect(() => parsePgOutput(Buffer.from('B\0\0'))).toThrow(
      expect.objectContaining({ code: 'MOS-RPT-112' }),
    )
    expect(parsePgOutput(Buffer.from('Y\0\0\0\x01'))).toEqual({ type: 'skipped', tag: 'Y' })
  })

  it('derives distinct slot names of at most 63 characters from source names', () => {
    const long = replicationNames('mosip-prod.regprc:' + 'x'.repeat(120))
    expect(long.slot.length).toBeLessThanOrEqual(63)
    expect(long.slot).toMatch(/^[a-z0-9_]+$/)
    expect(replicationNames('a.b').slot).not.toBe(replicationNames('a-b').slot)
  })
})
