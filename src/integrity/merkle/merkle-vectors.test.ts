import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  CompactRange,
  emptyRoot,
  leafHash,
  ProofError,
  rootFromLeafHashes,
  verifyConsistency,
  verifyInclusion,
} from './index.js'

const vectorRoot = fileURLToPath(
  new URL('../../../../shared/testdata/transparency-dev-merkle/testdata/', import.meta.url),
)

const b64 = z.string().transform((s) => Buffer.from(s, 'base64'))
const proof = z
  .array(b64)
  .nullable()
  .transform((p) => p ?? [])
const inclusionVector = z.object({
  // Not .int(): one vector has the index 2^64 - 1, which is no safe integer.
  leafIdx: z.number().nonnegative(),
  treeSize: z.number().int().nonnegative(),
  root: b64,
  leafHash: b64,
  proof,
  desc: z.string(),
  wantErr: z.boolean(),
})
const consistencyVector = z.object({
  size1: z.number().int().nonnegative(),
  size2: z.number().int().nonnegative(),
  root1: b64,
  root2: b64,
  proof,
  desc: z.string(),
  wantErr: z.boolean(),
})

function load<T>(folder: string, schema: z.ZodType<T>): [string, T][] {
  const dir = join(vectorRoot, folder)
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => [name, schema.parse(JSON.parse(readFileSync(join(dir, name), 'utf8')))])
}

function outcome(check: () => void): 'ok' | 'ProofError' | string {
  try {
    check()
    return 'ok'
  } catch (error) {
    return error instanceof ProofError ? 'ProofError' : String(error)
  }
}

if (existsSync(join(vectorRoot, 'inclusion')) && existsSync(join(vectorRoot, 'consistency'))) {
  describe('transparency-dev/merkle proof vectors', () => {
    const inclusion = load('inclusion', inclusionVector)
    const consistency = load('consistency', consistencyVector)

    it('has the 98 + 98 vectors', () => {
      expect(inclusion).toHaveLength(98)
      expect(consistency).toHaveLength(98)
    })

    it.each(inclusion)('inclusion %s', (_name, v) => {
      const result = outcome(() =>
        verifyInclusion(v.leafHash, v.leafIdx, v.treeSize, v.proof, v.root),
      )
      expect(result).toBe(v.wantErr ? 'ProofError' : 'ok')
    })

    it.each(consistency)('consistency %s', (_name, v) => {
      const result = outcome(() => verifyConsistency(v.size1, v.size2, v.proof, v.root1, v.root2))
      expect(result).toBe(v.wantErr ? 'ProofError' : 'ok')
    })
  })
} else {
  describe.skip(`transparency-dev/merkle proof vectors are missing (looked in ${vectorRoot})`, () => {
    it('needs ../shared/testdata/transparency-dev-merkle', () => {})
  })
}

// Leaf inputs and published roots of transparency-dev/merkle testonly/constants.go.
const leafInputs = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657']
  .concat(['606162636465666768696a6b6c6d6e6f'])
  .map((hex) => Buffer.from(hex, 'hex'))
const rootsBySize = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
]

describe('known roots (transparency-dev/merkle testonly)', () => {
  it('gives the published root for every prefix of the 8 test leaves', () => {
    const range = CompactRange.empty()
    expect(range.root().toString('hex')).toBe(rootsBySize[0])
    leafInputs.forEach((input, i) => {
      range.append(leafHash(input))
      expect(range.root().toString('hex'), `size ${i + 1}`).toBe(rootsBySize[i + 1])
    })
    expect(rootFromLeafHashes(leafInputs.map(leafHash)).toString('hex')).toBe(
      '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
    )
  })

  it('keeps the published frontier (compact tree) for size 7', () => {
    const range = CompactRange.empty()
    for (const input of leafInputs.slice(0, 7)) range.append(leafHash(input))
    expect(range.hashes().map((h) => h.toString('hex'))).toEqual([
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
    ])
  })

  it('has the SHA-256 of the empty string as the empty root', () => {
    expect(emptyRoot.toString('hex')).toBe(rootsBySize[0])
  })
})
