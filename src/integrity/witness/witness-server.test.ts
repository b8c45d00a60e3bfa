import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  appendSignatures,
  cosignatureVerifier,
  formatAddCheckpoint,
  openNote,
  parseNote,
  parseVerifierKey,
  tlogSizeContentType,
} from '../note/index.js'
import { WitnessRequestError } from './witness-errors.js'
import { requestCosignature } from './witness-client.js'
import { writeWitnessKey } from './witness-main.js'
import { originHash } from './witness-state.js'
import {
  type RunningWitness,
  startWitnessProcess,
  testLog,
  vkeyMaterial,
} from './witness.test-kit.js'

const name = 'witness.test/server'
const log = testLog('log.test/served')
log.grow(400)

let dir: string
let configFile: string
let verifierKey: string

async function kill9(running: RunningWitness): Promise<void> {
  running.child.kill('SIGKILL')
  await running.exited
}

/** Sends growing checkpoints from `from` and kills the witness mid-way; the sizes it cosigned. */
async function growUntilKilled(running: RunningWitness, from: number): Promise<number[]> {
  const acked: number[] = []
  setTimeout(() => running.child.kill('SIGKILL'), 400)
  for (let size = from + 1; size < 400; size++) {
    const proof = await log.proof(size - 1, size)
    try {
      await requestCosignature({
        url: running.url,
        oldSize: size - 1,
        proof,
        checkpoint: log.checkpoint(size),
      })
    } catch (error) {
      expect((error as WitnessRequestError).witnessStatus).toBe(0)
      break
    }
    acked.push(size)
  }
  await running.exited
  return acked
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mosaic-witness-server-'))
  verifierKey = await writeWitnessKey({ name, out: join(dir, 'witness.key') })
  configFile = join(dir, 'witness.yaml')
  const config = [
    `name: ${name}`,
    'keyFile: witness.key',
    'stateDir: state',
    'listen: { host: 127.0.0.1, port: 0 }',
    'maxBodyBytes: 4096',
    'logs:',
    `  - origin: ${log.origin}`,
    `    verifierKeys: ['${log.verifierKey}']`,
  ]
  await writeFile(configFile, `${config.join('\n')}\n`)
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('the witness process', () => {
  it('cosigns over HTTP, keeps its state across kill -9, and refuses a second process', async () => {
    let witness = await startWitnessProcess(configFile)
    try {
      const first = await requestCosignature({
        url: witness.url,
        oldSize: 0,
        proof: [],
        checkpoint: log.checkpoint(10),
        verifierKey,
      })
      if (!('cosignatures' in first)) throw new Error('expected cosignatures')
      const { publicKey } = vkeyMaterial(verifierKey)
      const cosigned = appendSignatures(log.checkpoint(10), first.cosignatures)
      expect(openNote(cosigned, [cosignatureVerifier(name, publicKey)]).verified).toHaveLength(1)

      const second = await requestCosignature({
        url: witness.url,
        oldSize: 10,
        proof: await log.proof(10, 25),
        checkpoint: log.checkpoint(25),
      })
      expect(second).toMatchObject({ cosignatures: [{ name }] })

      // A second witness on the same state folder refuses to start.
      await expect(startWitnessProcess(configFile)).rejects.toThrow(
        /MOS-WIT-006.*in use by process/,
      )
    } finally {
      await kill9(witness)
    }

    witness = await startWitnessProcess(configFile)
    try {
      // The restarted witness remembers size 25: a request from 0 is a 409 naming it.
      expect(
        await requestCosignature({
          url: witness.url,
          oldSize: 0,
          proof: [],
          checkpoint: log.checkpoint(30),
        }),
      ).toEqual({ conflict: 25 })
      const raw = await fetch(`${witness.url}/add-checkpoint`, {
        method: 'POST',
        body: formatAddCheckpoint({ oldSize: 3, proof: [], checkpoint: log.checkpoint(30) }),
      })
      expect(raw.status).toBe(409)
      expect(raw.headers.get('content-type')).toBe(tlogSizeContentType)
      expect(await raw.text()).toBe('25\n')

      const third = await requestCosignature({
        url: witness.url,
        oldSize: 25,
        proof: await log.proof(25, 40),
        checkpoint: log.checkpoint(40),
        verifierKey,
      })
      expect(third).toMatchObject({ cosignatures: [{ name }] })

      const status = await (await fetch(`${witness.url}/`)).text()
      expect(status).toContain(verifierKey)
      expect(status).toMatch(/log\.test\/served\s+size 40/)

      // Monitoring: the latest cosigned checkpoint, with the log's and the witness's lines.
      const monitored = await fetch(`${witness.url}/${originHash(log.origin)}/checkpoint`)
      expect(monitored.status).toBe(200)
      const note = await monitored.text()
      expect(parseNote(note).text).toBe(parseNote(log.checkpoint(40)).text)
      expect(openNote(note, [parseVerifierKey(verifierKey)]).verified).toHaveLength(1)
      expect(openNote(note, [parseVerifierKey(log.verifierKey)]).verified).toHaveLength(1)

      // Now grow the log one leaf a request and kill -9 the witness while requests fly.
      const acked = await growUntilKilled(witness, 40)
      expect(acked.length).toBeGreaterThan(0)
      expect(acked.length).toBeLessThan(359) // killed mid-run, not after
      witness = await startWitnessProcess(configFile)
      const after = await requestCosignature({
        url: witness.url,
        oldSize: 0,
        proof: [],
        checkpoint: log.checkpoint(400),
      })
      // Every acknowledged size was persisted first; at most one more write landed unanswered.
      if (!('conflict' in after)) throw new Error('expected a 409')
      const last = acked[acked.length - 1]!
      expect([last, last + 1]).toContain(after.conflict)
      expect(
        await requestCosignature({
          url: witness.url,
          oldSize: after.conflict,
          proof: await log.proof(after.conflict, 400),
          checkpoint: log.checkpoint(400),
        }),
      ).toMatchObject({ cosignatures: [{ name }] })
    } finally {
      await kill9(witness)
    }
  })

  it('maps refusals to statuses and typed client errors', async () => {
    const witness = await startWitnessProcess(configFile)
    try {
      const other = testLog('log.test/stranger')
      other.grow(2)
      const unknown = await requestCosignature({
        url: witness.url,
        oldSize: 0,
        proof: [],
        checkpoint: other.checkpoint(2),
      }).catch((e: unknown) => e)
      expect(unknown).toBeInstanceOf(WitnessRequestError)
      expect((unknown as WitnessRequestError).witnessStatus).toBe(404)
      expect((unknown as Error).message).toContain('does not witness the log')

      const post = (body: string) =>
        fetch(`${witness.url}/add-checkpoint`, { method: 'POST', body })
      expect((await post('old 0\n\nnot a checkpoint\n')).status).toBe(400)
      expect((await post(`old 0\n${'x'.repeat(5000)}`)).status).toBe(413)
      expect((await fetch(`${witness.url}/add-checkpoint`)).status).toBe(405)
      expect((await fetch(`${witness.url}/nothing`)).status).toBe(404)

      const down = await requestCosignature({
        url: 'http://127.0.0.1:9',
        oldSize: 0,
        proof: [],
        checkpoint: log.checkpoint(2),
        timeoutMs: 2000,
      }).catch((e: unknown) => e)
      expect((down as WitnessRequestError).witnessStatus).toBe(0)
    } finally {
      await kill9(witness)
    }
  })
})
