import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  changedTiles,
  CompactRange,
  consistencyProof,
  emptyRoot,
  inclusionProof,
  leafHash,
  type NodeId,
  type NodeReader,
  nodeReaderFromTiles,
  ProofError,
  rootFromLeafHashes,
  rootFromTiles,
  type TileId,
  tilesForSize,
  verifyConsistency,
  verifyInclusion,
} from './index.js'
import {
  buildLevels,
  distinctLeaves,
  flipBit,
  memoryReader,
  naiveRoot,
  tileStore,
} from './merkle.test-kit.js'

const key = (t: TileId) => `${t.level}/${t.index}/${t.width}`

function expectProofError(check: () => void): void {
  expect(check).toThrow(ProofError)
}

const small = distinctLeaves(300)
const smallLevels = buildLevels(small)
/** naiveRoots[n] = MTH of the first n small leaves. */
const naiveRoots = Array.from({ length: small.length + 1 }, (_, n) => naiveRoot(small.slice(0, n)))

// 70,000 leaves reach tile level 2 (the C2SP example size).
const bigSize = 70_000
let big: Buffer[][] = []
const bigRoot = (size: number) =>
  CompactRange.of(
    size,
    CompactRange.nodesFor(size).map((n) => big[n.level]![n.index]!),
  ).root()

beforeAll(() => {
  big = buildLevels(distinctLeaves(bigSize, 'big'))
})

describe('CompactRange', () => {
  it('has the naive root for random leaf lists of 0..300 leaves', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 12 }), { maxLength: 300 }), (entries) => {
        const hashes = entries.map(leafHash)
        const range = CompactRange.empty()
        for (const h of hashes) range.append(h)
        expect(range.size).toBe(hashes.length)
        expect(range.root()).toEqual(naiveRoot(hashes))
        expect(rootFromLeafHashes(hashes)).toEqual(range.root())
      }),
      { numRuns: 40 },
    )
  })

  it('has the naive root after every append, and reports each perfect subtree once', () => {
    const range = CompactRange.empty()
    const completed = new Map<string, Buffer>()
    small.forEach((h, i) => {
      range.append(h, (node, hash) => {
        expect(completed.has(`${node.level}/${node.index}`)).toBe(false)
        completed.set(`${node.level}/${node.index}`, hash)
      })
      expect(range.root()).toEqual(naiveRoots[i + 1])
      const frontier = CompactRange.nodesFor(i + 1).map((n) => smallLevels[n.level]![n.index]!)
      expect(range.hashes()).toEqual(frontier)
      expect(CompactRange.of(i + 1, frontier).root()).toEqual(naiveRoots[i + 1])
    })
    const expected = new Map<string, Buffer>()
    smallLevels.forEach((row, level) =>
      row.forEach((h, index) => expected.set(`${level}/${index}`, h)),
    )
    expect(completed).toEqual(expected)
  })

  it('reports the leaf first, then each merged parent', () => {
    const range = CompactRange.of(
      3,
      CompactRange.nodesFor(3).map((n) => smallLevels[n.level]![n.index]!),
    )
    const reported: string[] = []
    range.append(small[3]!, (node, hash) => {
      reported.push(`${node.level}/${node.index}`)
      expect(hash).toEqual(smallLevels[node.level]![node.index])
    })
    expect(reported).toEqual(['0/3', '1/1', '2/0'])
    expect(range.hashes()).toEqual([smallLevels[2]![0]])
  })

  it('lists the frontier largest first and validates what it is given', () => {
    expect(CompactRange.nodesFor(0)).toEqual([])
    expect(CompactRange.nodesFor(13)).toEqual<NodeId[]>([
      { level: 3, index: 0 },
      { level: 2, index: 2 },
      { level: 0, index: 12 },
    ])
    expect(CompactRange.nodesFor(2 ** 53 - 1)).toHaveLength(53)
    expect(CompactRange.empty().root()).toEqual(emptyRoot)
    expect(() => CompactRange.of(3, [small[0]!])).toThrow(RangeError)
    expect(() => CompactRange.of(1, [Buffer.alloc(31)])).toThrow(RangeError)
    expect(() => CompactRange.of(-1, [])).toThrow(RangeError)
    expect(() => CompactRange.nodesFor(1.5)).toThrow(RangeError)
    expect(() => CompactRange.empty().append(Buffer.alloc(33))).toThrow(RangeError)
  })
})

describe('inclusion proofs', () => {
  it('round-trip for every (index, size) up to size 130', async () => {
    for (let size = 1; size <= 130; size++) {
      const read = memoryReader(smallLevels, size)
      for (let index = 0; index < size; index++) {
        const proof = await inclusionProof(index, size, read)
        verifyInclusion(small[index]!, index, size, proof, naiveRoots[size]!)
      }
    }
  })

  it('fail on a flipped bit or a wrong index', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 300 }).chain((size) =>
          fc.record({
            size: fc.constant(size),
            index: fc.nat(size - 1),
            other: fc.nat(size - 1),
            pick: fc.nat(),
            bit: fc.nat(255),
          }),
        ),
        async ({ size, index, other, pick, bit }) => {
          const proof = await inclusionProof(index, size, memoryReader(smallLevels, size))
          const root = naiveRoots[size]!
          const leaf = small[index]!
          const at = pick % proof.length
          const tampered = proof.map((h, i) => (i === at ? flipBit(h, bit) : h))
          expectProofError(() => verifyInclusion(leaf, index, size, tampered, root))
          expectProofError(() => verifyInclusion(flipBit(leaf, bit), index, size, proof, root))
          if (other !== index) {
            expectProofError(() => verifyInclusion(leaf, other, size, proof, root))
          }
          expectProofError(() => verifyInclusion(leaf, size + other, size, proof, root))
          expectProofError(() => verifyInclusion(leaf, index, size, proof.slice(1), root))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('read all nodes, ephemeral ones included, in one call', async () => {
    const calls: NodeId[][] = []
    const inner = memoryReader(smallLevels, 13)
    const read: NodeReader = (nodes) => {
      calls.push([...nodes])
      return inner(nodes)
    }
    // Leaf 2 of 13: siblings 0/3, 1/0, then the ephemeral [4, 8) is perfect, then [8, 13).
    const proof = await inclusionProof(2, 13, read)
    expect(calls).toEqual([
      [
        { level: 0, index: 3 },
        { level: 1, index: 0 },
        { level: 2, index: 1 },
        { level: 2, index: 2 },
        { level: 0, index: 12 },
      ],
    ])
    expect(proof[3]).toEqual(naiveRoot(small.slice(8, 13)))
    expect(await inclusionProof(0, 1, read)).toEqual([])
    expect(calls).toHaveLength(1)
  })

  it('name the failed check and reject bad numbers', async () => {
    const proof = await inclusionProof(5, 9, memoryReader(smallLevels, 9))
    const reason = (check: () => void) => {
      try {
        check()
      } catch (error) {
        return error instanceof ProofError ? error.reason : 'other'
      }
      return 'none'
    }
    const root = naiveRoots[9]!
    expect(reason(() => verifyInclusion(small[5]!, 9, 9, proof, root))).toBe('index-out-of-range')
    expect(reason(() => verifyInclusion(small[5]!, 5, 9, [...proof, root], root))).toBe(
      'wrong-proof-size',
    )
    expect(reason(() => verifyInclusion(small[5]!, 5, 9, proof, naiveRoots[8]!))).toBe(
      'root-mismatch',
    )
    expect(reason(() => verifyInclusion(Buffer.alloc(3), 5, 9, proof, root))).toBe(
      'bad-hash-length',
    )
    await expect(inclusionProof(9, 9, memoryReader(smallLevels, 9))).rejects.toThrow(RangeError)
    await expect(inclusionProof(-1, 9, memoryReader(smallLevels, 9))).rejects.toThrow(RangeError)
    await expect(inclusionProof(0.5, 9, memoryReader(smallLevels, 9))).rejects.toThrow(RangeError)
    expect(() => verifyInclusion(small[0]!, 0, 1.5, [], root)).toThrow(RangeError)
    const [r1, r2] = [naiveRoots[1]!, naiveRoots[2]!]
    expect(reason(() => verifyConsistency(0, 0, [], emptyRoot, emptyRoot))).toBe('empty-tree')
    expect(reason(() => verifyConsistency(2, 1, [], r2, r1))).toBe('size-order')
    expect(reason(() => verifyConsistency(1, 1, [r1], r1, r1))).toBe('wrong-proof-size')
    expect(reason(() => verifyConsistency(1, 1, [], r1, r2))).toBe('root-mismatch')
    expect(reason(() => verifyConsistency(1, 2, [], r1, r2))).toBe('wrong-proof-size')
    expect(reason(() => verifyConsistency(1, 2, [Buffer.alloc(31)], r1, r2))).toBe(
      'bad-hash-length',
    )
    expect(() => verifyConsistency(1, 1, [], r1, r1)).not.toThrow()
    await expect(consistencyProof(3, 2, memoryReader(smallLevels, 3))).rejects.toThrow(RangeError)
  })
})

describe('consistency proofs', () => {
  it('round-trip for every size1 <= size2 up to 100', async () => {
    for (let size2 = 1; size2 <= 100; size2++) {
      const read = memoryReader(smallLevels, size2)
      for (let size1 = 1; size1 <= size2; size1++) {
        const proof = await consistencyProof(size1, size2, read)
        verifyConsistency(size1, size2, proof, naiveRoots[size1]!, naiveRoots[size2]!)
      }
    }
    expect(await consistencyProof(0, 5, memoryReader(smallLevels, 5))).toEqual([])
  })

  it('fail on a flipped bit', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 300 }).chain((size2) =>
          fc.record({
            size2: fc.constant(size2),
            size1: fc.integer({ min: 1, max: size2 - 1 }),
            pick: fc.nat(),
            bit: fc.nat(255),
          }),
        ),
        async ({ size1, size2, pick, bit }) => {
          const proof = await consistencyProof(size1, size2, memoryReader(smallLevels, size2))
          const [root1, root2] = [naiveRoots[size1]!, naiveRoots[size2]!]
          const at = pick % proof.length
          const tampered = proof.map((h, i) => (i === at ? flipBit(h, bit) : h))
          expectProofError(() => verifyConsistency(size1, size2, tampered, root1, root2))
          expectProofError(() => verifyConsistency(size1, size2, proof, flipBit(root1, bit), root2))
          expectProofError(() => verifyConsistency(size1, size2, proof.slice(1), root1, root2))
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('proofs from tiles', () => {
  const sizes = fc.oneof(
    fc.integer({ min: 1, max: bigSize }),
    fc.constantFrom(1, 255, 256, 257, 511, 512, 65_535, 65_536, 65_537, 69_999, bigSize),
  )

  function checkedStore(size: number) {
    const store = tileStore(big)
    const widths = new Map(tilesForSize(size).map((t) => [`${t.level}/${t.index}`, t.width]))
    const assertNarrowest = () => {
      const seen = new Set(store.requests.map((t) => `${t.level}/${t.index}`))
      expect(seen.size).toBe(store.requests.length) // each tile once per call
      for (const t of store.requests) expect(t.width).toBe(widths.get(`${t.level}/${t.index}`))
      store.requests.length = 0
    }
    return { fetchTile: store.fetchTile, assertNarrowest }
  }

  it('give the same inclusion proofs as an in-memory reader', async () => {
    await fc.assert(
      fc.asyncProperty(
        sizes.chain((size) => fc.tuple(fc.constant(size), fc.nat(size - 1))),
        async ([size, index]) => {
          const { fetchTile, assertNarrowest } = checkedStore(size)
          const fromTiles = await inclusionProof(index, size, nodeReaderFromTiles(size, fetchTile))
          assertNarrowest()
          expect(fromTiles).toEqual(await inclusionProof(index, size, memoryReader(big, size)))
          verifyInclusion(big[0]![index]!, index, size, fromTiles, bigRoot(size))
        },
      ),
      { numRuns: 150 },
    )
  })

  it('give the same consistency proofs and roots as an in-memory reader', async () => {
    await fc.assert(
      fc.asyncProperty(fc.tuple(sizes, sizes), async ([a, b]) => {
        const [size1, size2] = a <= b ? [a, b] : [b, a]
        const { fetchTile, assertNarrowest } = checkedStore(size2)
        const fromTiles = await consistencyProof(
          size1,
          size2,
          nodeReaderFromTiles(size2, fetchTile),
        )
        assertNarrowest()
        expect(fromTiles).toEqual(await consistencyProof(size1, size2, memoryReader(big, size2)))
        verifyConsistency(size1, size2, fromTiles, bigRoot(size1), bigRoot(size2))
        expect(await rootFromTiles(size2, fetchTile)).toEqual(bigRoot(size2))
        assertNarrowest()
      }),
      { numRuns: 150 },
    )
  })

  it('give the naive root for small trees and refuse nodes outside the tree', async () => {
    const store = tileStore(smallLevels)
    for (const size of [0, 1, 7, 255, 256, 257, 300]) {
      expect(await rootFromTiles(size, store.fetchTile)).toEqual(naiveRoots[size])
    }
    const read = nodeReaderFromTiles(10, store.fetchTile)
    await expect(read([{ level: 3, index: 1 }])).rejects.toThrow(RangeError)
    const short = nodeReaderFromTiles(10, async () => Buffer.alloc(32 * 9))
    await expect(short([{ level: 0, index: 0 }])).rejects.toThrow(/expected 10 hashes/)
  })
})

describe('tiles of a tree', () => {
  it('matches the C2SP examples', () => {
    const tiles = tilesForSize(70_000)
    expect(tiles.filter((t) => t.level === 0 && t.width === 256)).toHaveLength(273)
    expect(tiles.filter((t) => t.level === 0 && t.width < 256)).toEqual([
      { level: 0, index: 273, width: 112 },
    ])
    expect(tiles.filter((t) => t.level > 0)).toEqual([
      { level: 1, index: 0, width: 256 },
      { level: 1, index: 1, width: 17 },
      { level: 2, index: 0, width: 1 },
    ])
    expect(tilesForSize(256)).toEqual([
      { level: 0, index: 0, width: 256 },
      { level: 1, index: 0, width: 1 },
    ])
    expect(tilesForSize(0)).toEqual([])
  })

  it('changedTiles is the difference of tilesForSize', () => {
    const size = fc.oneof(
      fc.integer({ min: 0, max: 200_000 }),
      fc.integer({ min: 0, max: 781 }).map((n) => n * 256),
      fc.integer({ min: 0, max: 3 }).map((n) => n * 65_536),
    )
    fc.assert(
      fc.property(size, size, (a, b) => {
        const [oldSize, newSize] = a <= b ? [a, b] : [b, a]
        const before = new Set(tilesForSize(oldSize).map(key))
        const diff = tilesForSize(newSize).filter((t) => !before.has(key(t)))
        expect(changedTiles(oldSize, newSize)).toEqual(diff)
      }),
      { numRuns: 200 },
    )
    expect(changedTiles(2 ** 40, 2 ** 40 + 1)).toEqual([{ level: 0, index: 2 ** 32, width: 1 }])
    expect(() => changedTiles(5, 4)).toThrow(RangeError)
  })
})
