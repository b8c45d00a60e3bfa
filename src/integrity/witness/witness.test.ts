import { spawnSync } from 'node:child_process'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../platform/errors.js'
import { emptyRoot } from '../merkle/index.js'
import {
  appendSignatures,
  cosignatureTime,
  cosignatureVerifier,
  formatAddCheckpoint,
  formatCheckpoint,
  openNote,
  parseVerifierKey,
  signNote,
} from '../note/index.js'
import { generateWitnessKey, witnessSigner } from './witness-config.js'
import { WitnessConflictError } from './witness-errors.js'
import { WitnessState } from './witness-state.js'
import { impostor, type TestLog, testLog, vkeyMaterial } from './witness.test-kit.js'
import { addCheckpoint, type WitnessConfig } from './witness.js'

const name = 'witness.test/w1'
const key = generateWitnessKey(name)
const now = 1_780_000_000
const { signer } = witnessSigner(name, key.signerKey, () => now)

let dir: string
let state: WitnessState
let log: TestLog
let config: WitnessConfig

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mosaic-witness-'))
  state = await WitnessState.open(dir)
  log = testLog('log.test/one')
  log.grow(20)
  config = { signer, logs: [{ origin: log.origin, verifierKeys: [log.verifierKey] }] }
})

afterEach(async () => {
  state.close()
  await rm(dir, { recursive: true, force: true })
})

/** Submits the log's checkpoint at `size`, from `oldSize`, with a real proof. */
async function submit(oldSize: number, size: number, over: Partial<{ checkpoint: string }> = {}) {
  const proof = oldSize === 0 ? [] : await log.proof(oldSize, size)
  return addCheckpoint(
    { oldSize, proof, checkpoint: over.checkpoint ?? log.checkpoint(size) },
    state,
    config,
  )
}

/** The AppError a promise rejects with. */
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

describe('addCheckpoint', () => {
  it('cosigns a first checkpoint from size 0 with a verifiable, timestamped cosignature', async () => {
    const checkpoint = log.checkpoint(5)
    const result = await submit(0, 5)
    expect(result.body).toMatch(/^— witness\.test\/w1 [A-Za-z0-9+/=]+\n$/)
    const witnessKey = parseVerifierKey(key.verifierKey)
    const opened = openNote(appendSignatures(checkpoint, [...result.cosignatures]), [witnessKey])
    expect(opened.verified).toHaveLength(1)
    expect(cosignatureTime(opened.verified[0]!)).toBe(now)
    expect(state.get(log.origin)).toMatchObject({ size: 5, rootHash: log.root(5) })
    // The stored checkpoint carries the log's signature and the witness's.
    const stored = state.get(log.origin)!.checkpoint
    expect(openNote(stored, [witnessKey]).verified).toHaveLength(1)
    expect(openNote(stored, [parseVerifierKey(log.verifierKey)]).verified).toHaveLength(1)
  })

  it('verifies with cosignatureVerifier built from the raw public key', async () => {
    const result = await submit(0, 3)
    const { type, publicKey } = vkeyMaterial(key.verifierKey)
    expect(type).toBe(0x04) // cosignature/v1
    const verifier = cosignatureVerifier(name, publicKey)
    const sig = result.cosignatures[0]!
    expect(sig.keyId.equals(verifier.keyId)).toBe(true)
    expect(verifier.verify(Buffer.from(formatCheckpoint(result.checkpoint)), sig.signature)).toBe(
      true,
    )
  })

  it('accepts consistent growth with a valid proof, and the same tree again', async () => {
    await submit(0, 5)
    await submit(5, 13)
    expect(state.get(log.origin)?.size).toBe(13)
    await submit(13, 13)
    await submit(13, 20)
    expect(state.get(log.origin)).toMatchObject({ size: 20, rootHash: log.root(20) })
  })

  it('answers a wrong old size with 409 and the size it cosigned', async () => {
    await submit(0, 8)
    for (const oldSize of [0, 5, 9]) {
      const error = await refusal(submit(oldSize, 12))
      expect(error).toBeInstanceOf(WitnessConflictError)
      expect(error.status).toBe(409)
      expect((error as WitnessConflictError).size).toBe(8)
    }
  })

  it('answers 403 to a checkpoint without a valid signature by the log key', async () => {
    // Same name, another key: an unknown key, so no trusted signature at all.
    const forged = log.checkpoint(5, impostor(log.origin))
    expect((await refusal(submit(0, 5, { checkpoint: forged }))).status).toBe(403)
    // The log's name and key id, but a signature that does not verify.
    const good = log.checkpoint(5)
    const tampered = good.replace(/ (\S)(\S+)\n$/, (_, c: string, rest: string) => {
      const bytes = Buffer.from(c + rest, 'base64')
      bytes[10]! ^= 1
      return ` ${bytes.toString('base64')}\n`
    })
    expect(tampered).not.toBe(good)
    expect((await refusal(submit(0, 5, { checkpoint: tampered }))).status).toBe(403)
    expect(state.get(log.origin)).toBeUndefined()
  })

  it('answers 404 to an unknown origin', async () => {
    const other = testLog('log.test/unknown')
    other.grow(3)
    const error = await refusal(
      addCheckpoint({ oldSize: 0, proof: [], checkpoint: other.checkpoint(3) }, state, config),
    )
    expect(error.status).toBe(404)
  })

  it('answers 422 to a bad consistency proof and keeps its state', async () => {
    await submit(0, 6)
    const proof = await log.proof(6, 15)
    proof[0] = Buffer.alloc(32, 7)
    const request = { oldSize: 6, proof, checkpoint: log.checkpoint(15) }
    expect((await refusal(addCheckpoint(request, state, config))).status).toBe(422)
    const short = { ...request, proof: (await log.proof(6, 15)).slice(1) }
    expect((await refusal(addCheckpoint(short, state, config))).status).toBe(422)
    // A proof from size 0 must be empty (the spec's 422, checked before the old size).
    const fromZero = { oldSize: 0, proof: [Buffer.alloc(32)], checkpoint: log.checkpoint(15) }
    expect((await refusal(addCheckpoint(fromZero, state, config))).status).toBe(422)
    expect(state.get(log.origin)).toMatchObject({ size: 6, rootHash: log.root(6) })
  })

  it('refuses a fork: same size with another root, or a smaller tree', async () => {
    await submit(0, 10)
    const before = state.get(log.origin)
    const fork = log.fork('evil ')
    fork.grow(12)
    const errors: string[] = []
    config = { ...config, logger: { info() {}, warn() {}, error: (_, msg) => errors.push(msg) } }
    const same = { oldSize: 10, proof: [], checkpoint: fork.checkpoint(10) }
    expect((await refusal(addCheckpoint(same, state, config))).status).toBe(422)
    // Even with a wrong old size (a 409), the fork is logged.
    expect((await refusal(addCheckpoint({ ...same, oldSize: 3 }, state, config))).status).toBe(409)
    expect(errors).toEqual([expect.stringMatching(/^FORK/), expect.stringMatching(/^FORK/)])
    // A larger forked tree: its proof is from its own size-10 root, not the one cosigned.
    const grown = { oldSize: 10, proof: await fork.proof(10, 12), checkpoint: fork.checkpoint(12) }
    expect((await refusal(addCheckpoint(grown, state, config))).status).toBe(422)
    // Smaller than known: old size above the checkpoint's is a 400, an honest old size a 409.
    const smaller = { oldSize: 10, proof: [], checkpoint: log.checkpoint(7) }
    expect((await refusal(addCheckpoint(smaller, state, config))).status).toBe(400)
    const rolledBack = { oldSize: 7, proof: [], checkpoint: log.checkpoint(7) }
    expect((await refusal(addCheckpoint(rolledBack, state, config))).status).toBe(409)
    expect(state.get(log.origin)).toEqual(before)
  })

  it('answers 400 to malformed bodies and 422 to a size-0 tree with a non-empty root', async () => {
    const body = formatAddCheckpoint({ oldSize: 0, proof: [], checkpoint: log.checkpoint(4) })
    for (const bad of [
      body.replace('old 0', 'old 00'),
      body.replace('old 0\n', 'old 0\nnot-base64\n'),
      body.replace(/\n\n/, '\n'),
      body.replace(/\n$/, ''),
      `old 0\n${'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n'.repeat(64)}\n${log.checkpoint(4)}`,
    ]) {
      expect((await refusal(addCheckpoint(bad, state, config))).status).toBe(400)
    }
    expect((await addCheckpoint(Buffer.from(body), state, config)).checkpoint.size).toBe(4)

    const empty = formatCheckpoint({
      origin: log.origin,
      size: 0,
      rootHash: log.root(3),
      extensions: [],
    })
    const bad = { oldSize: 0, proof: [], checkpoint: signNote(empty, [log.signer]) }
    state.close()
    state = await WitnessState.open(await mkdtemp(join(tmpdir(), 'mosaic-witness-')))
    expect((await refusal(addCheckpoint(bad, state, config))).status).toBe(422)
    const good = formatCheckpoint({
      origin: log.origin,
      size: 0,
      rootHash: emptyRoot,
      extensions: [],
    })
    await addCheckpoint({ ...bad, checkpoint: signNote(good, [log.signer]) }, state, config)
    expect(state.get(log.origin)?.size).toBe(0)
    await rm(state.dir, { recursive: true, force: true })
  })

  it('serialises concurrent requests: one wins, the others get 409', async () => {
    await submit(0, 4)
    const attempts = await Promise.allSettled([submit(4, 9), submit(4, 20), submit(4, 12)])
    const won = attempts.filter((a) => a.status === 'fulfilled')
    expect(won).toHaveLength(1)
    const size = state.get(log.origin)!.size
    for (const lost of attempts.filter((a) => a.status === 'rejected')) {
      const reason = (lost as PromiseRejectedResult).reason as WitnessConflictError
      expect(reason.status).toBe(409)
      expect(reason.size).toBe(size)
    }
  })
})

describe('WitnessState', () => {
  it('survives a restart and leaves no temp files', async () => {
    await submit(0, 9)
    state.close()
    state = await WitnessState.open(dir)
    expect(state.get(log.origin)).toMatchObject({ size: 9, rootHash: log.root(9) })
    await submit(9, 11)
    expect((await readdir(join(dir, 'logs'))).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('refuses a second opener while held and takes over a dead process’s lock', async () => {
    const held = await refusal(WitnessState.open(dir))
    expect(held.code).toBe('MOS-WIT-006')
    expect(held.message).toContain(String(process.pid))
    state.close()
    const dead = spawnSync(process.execPath, ['-e', '']).pid
    await writeFile(join(dir, 'witness.lock'), `${dead}\n`)
    state = await WitnessState.open(dir)
  })

  it('refuses a corrupt record rather than start from zero', async () => {
    await submit(0, 3)
    state.close()
    const [file] = (await readdir(join(dir, 'logs'))).filter((f) => f.endsWith('.json'))
    await writeFile(join(dir, 'logs', file!), '{"origin":')
    expect((await refusal(WitnessState.open(dir))).code).toBe('MOS-WIT-007')
    state = await WitnessState.open(await mkdtemp(join(tmpdir(), 'mosaic-witness-')))
    await rm(state.dir, { recursive: true, force: true })
  })
})
