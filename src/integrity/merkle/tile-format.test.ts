import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  decodeEntryBundle,
  encodeEntryBundle,
  entriesPath,
  parseTilePath,
  tilePath,
} from './index.js'

describe('tile paths', () => {
  it('writes the spec examples', () => {
    expect(tilePath({ level: 0, index: 1_234_067, width: 256 })).toBe('tile/0/x001/x234/067')
    expect(tilePath({ level: 1, index: 0, width: 17 })).toBe('tile/1/000.p/17')
    expect(tilePath({ level: 63, index: 1000, width: 256 })).toBe('tile/63/x001/000')
    expect(entriesPath(1_234_067, 256)).toBe('tile/entries/x001/x234/067')
    expect(entriesPath(5, 112)).toBe('tile/entries/005.p/112')
  })

  it('round-trips every tile and bundle path', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 63 }),
        fc.oneof(fc.nat(2000), fc.maxSafeNat()),
        fc.integer({ min: 1, max: 256 }),
        (level, index, width) => {
          const tile = { level, index, width }
          expect(parseTilePath(tilePath(tile))).toEqual({ kind: 'hash', tile })
          expect(parseTilePath(entriesPath(index, width))).toEqual({
            kind: 'entries',
            index,
            width,
          })
        },
      ),
      { numRuns: 500 },
    )
  })

  it.each([
    'tile/0/1234067',
    'tile/0/001/234/067',
    'tile/0/x001/x234/x067',
    'tile/0/x000/067',
    'tile/0/67',
    'tile/0/0067',
    'tile/00/000',
    'tile/01/000',
    'tile/64/000',
    'tile/-1/000',
    'tile/0/000.p/256',
    'tile/0/000.p/0',
    'tile/0/000.p/017',
    'tile/0/000.p/',
    'tile/0/000.p/300',
    '/tile/0/000',
    'tiles/0/000',
    'xtile/0/000',
    'tile/0/000/',
    'tile/0/000 ',
    'tile/entries/x000/001',
    'tile/entries/000.p/256',
    'tile/entry/000',
    'tile/0/x009/x007/x199/x254/x740/x992',
    '0/000',
  ])('rejects %s', (path) => {
    expect(parseTilePath(path)).toBeNull()
  })

  it('rejects bad tile ids', () => {
    expect(() => tilePath({ level: 64, index: 0, width: 1 })).toThrow(RangeError)
    expect(() => tilePath({ level: 0, index: -1, width: 1 })).toThrow(RangeError)
    expect(() => tilePath({ level: 0, index: 0, width: 0 })).toThrow(RangeError)
    expect(() => entriesPath(0, 257)).toThrow(RangeError)
  })
})

describe('entry bundles', () => {
  it('round-trip', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 600 }), { maxLength: 256 }), (entries) => {
        const bundle = encodeEntryBundle(entries)
        expect(bundle.length).toBe(entries.reduce((sum, e) => sum + 2 + e.length, 0))
        expect(decodeEntryBundle(bundle)).toEqual(entries.map((e) => Buffer.from(e)))
      }),
      { numRuns: 100 },
    )
  })

  it('uses big-endian uint16 lengths and refuses what does not fit', () => {
    const bundle = encodeEntryBundle([Buffer.from('ab'), new Uint8Array(0x1234)])
    expect(bundle.subarray(0, 4)).toEqual(Buffer.from([0x00, 0x02, 0x61, 0x62]))
    expect(bundle.subarray(4, 6)).toEqual(Buffer.from([0x12, 0x34]))
    expect(decodeEntryBundle(encodeEntryBundle([new Uint8Array(0xffff)]))[0]).toHaveLength(0xffff)
    expect(() => encodeEntryBundle([new Uint8Array(0x10000)])).toThrow(RangeError)
    expect(() => decodeEntryBundle(bundle.subarray(0, 3))).toThrow(/truncated/)
    expect(() => decodeEntryBundle(bundle.subarray(0, 5))).toThrow(/truncated/)
    expect(() => decodeEntryBundle(bundle.subarray(0, bundle.length - 1))).toThrow(/truncated/)
    expect(decodeEntryBundle(new Uint8Array(0))).toEqual([])
  })
})
