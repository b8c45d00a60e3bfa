import { createHash, createPublicKey, generateKeyPairSync, randomBytes, verify } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../test/support/test-server.js'
import {
  createIdRepoKeyring,
  createIdRepoServices,
  receivedPacket,
  runSeed,
  sampleRequest,
  testRid,
} from '../identity/index.js'
import { testBackends } from '../platform/db/test-database.js'
import { rootFromTiles, tilePath } from './merkle/index.js'
import { monitorOnce } from './monitor/index.js'
import {
  cosignatureVerifier,
  ed25519Signer,
  formatAddCheckpoint,
  formatCheckpoint,
  openNote,
  parseCheckpoint,
  parseVerifierKey,
  signNote,
  sigTypeEd25519,
  verifierKeyString,
} from './note/index.js'
import { logKeyPurpose } from './publish/log-signer.js'
import { writeWitnessKey } from './witness/witness-main.js'
import { generateWitnessKey } from './witness/witness-config.js'
import { originHash } from './witness/witness-state.js'
import {
  type RunningWitness,
  startWitnessProcess,
  vkeyMaterial,
} from './witness/witness.test-kit.js'

// ---- An independent verifier: node:crypto only, nothing from ./merkle or ./note. ----
const sha256 = (...parts: Uint8Array[]) =>
  createHash('sha256').update(Buffer.concat(parts)).digest()
const leafOf = (entry: Buffer) => sha256(Buffer.from([0]), entry)
const nodeOf = (left: Buffer, right: Buffer) => sha256(Buffer.from([1]), left, right)

/** RFC 6962 MTH: split at the largest power of two below n. */
function treeHash(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return sha256()
  if (leaves.length === 1) return leaves[0]!
  let k = 1
  while (k * 2 < leaves.length) k *= 2
  return nodeOf(treeHash(leaves.slice(0, k)), treeHash(leaves.slice(k)))
}

/** C2SP tlog-tiles index: 3-digit groups, all but the last prefixed with x. */
function tileIndex(n: number): string {
  const digits = String(n).padStart(3 * Math.ceil(String(n).length / 3), '0')
  const groups = digits.match(/.{3}/g)!
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/')
}

async function getBytes(url: string): Promise<Buffer> {
  const response = await fetch(url)
  if (response.status !== 200) throw new Error(`${url}: ${response.status}`)
  return Buffer.from(await response.arrayBuffer())
}

/** Checks the published log of `size` against `root` from its level-0 tiles and entries. */
async function independentRoot(base: string, size: number): Promise<Buffer> {
  const leaves: Buffer[] = []
  for (let n = 0; n * 256 < size; n++) {
    const width = Math.min(256, size - n * 256)
    const suffix = width < 256 ? `.p/${width}` : ''
    const tile = await getBytes(`${base}/tile/0/${tileIndex(n)}${suffix}`)
    const bundle = await getBytes(`${base}/tile/entries/${tileIndex(n)}${suffix}`)
    expect(tile.length).toBe(width * 32)
    let at = 0
    for (let i = 0; i < width; i++) {
      const length = bundle.readUInt16BE(at)
      const entry = bundle.subarray(at + 2, at + 2 + length)
      at += 2 + length
      const leaf = tile.subarray(i * 32, (i + 1) * 32)
      expect(leafOf(entry).equals(leaf)).toBe(true)
      leaves.push(leaf)
    }
    expect(at).toBe(bundle.length)
  }
  return treeHash(leaves)
}

/** Verifies the note's Ed25519 signature by the signed-note vkey, parsed by hand. */
function independentSignatureCheck(note: string, vkey: string): void {
  const [name, idHex] = vkey.split('+') as [string, string]
  const material = Buffer.from(vkey.split('+').slice(2).join('+'), 'base64')
  expect(material[0]).toBe(0x01)
  const publicKey = material.subarray(1)
  const keyId = sha256(Buffer.from(`${name}\n`), Buffer.from([0x01]), publicKey).subarray(0, 4)
  expect(keyId.toString('hex')).toBe(idHex)
  const blank = note.lastIndexOf('\n\n')
  const text = note.slice(0, blank + 1)
  const lines = note
    .slice(blank + 2)
    .split('\n')
    .filter(Boolean)
  const mine = lines
    .filter((line) => line.startsWith(`\u2014 ${name} `))
    .map((line) => Buffer.from(line.slice(`\u2014 ${name} `.length), 'base64'))
    .find((bytes) => bytes.subarray(0, 4).equals(keyId))
  expect(mine).toBeDefined()
  const key = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: publicKey.toString('base64url') },
    format: 'jwk',
  })
  expect(verify(null, Buffer.from(text), key, mine!.subarray(4))).toBe(true)
}
// ---- end of the independent verifier ----

const origin = 'mosaic.test/integrity'
const witnessName = 'witness.test/mosaic'

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000) {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe.each(testBackends)('the integrity log of a running server on %s', (backend) => {
  let server: TestServer
  let dir: string
  let base: string
  let witnessUrl: string
  let witnessKey: string
  let witness: RunningWitness | undefined
  let rid = 1

  const checkpoint = async () => {
    const response = await fetch(`${base}/checkpoint`)
    return response.status === 200 ? response.text() : undefined
  }
  const changes = async () => {
    const { rows } = await sql<{ n: string }>`
      select count(*) as n from idrepo.record_change`.execute(server.platform.db)
    return Number(rows[0]!.n)
  }
  /** The checkpoint once it covers every journalled change (and passes `also`). */
  const drained = (also: (note: string) => boolean = () => true) =>
    until('a checkpoint of every change', async () => {
      const note = await checkpoint()
      if (!note) return undefined
      const { size } = parseCheckpoint(note.slice(0, note.lastIndexOf('\n\n') + 1))
      return size === (await changes()) && also(note) ? note : undefined
    })
  const cosigned = (note: string) => {
    const verifier = cosignatureVerifier(witnessName, vkeyMaterial(witnessKey).publicKey)
    try {
      return openNote(note, [verifier]).verified.length === 1
    } catch {
      return false
    }
  }
  async function createIdentities(count: number): Promise<void> {
    const { idRepo } = createIdRepoServices(server.platform)
    for (let i = 0; i < count; i++) {
      const id = testRid(90_000 + rid++)
      await receivedPacket(server.platform.db, id)
      await idRepo.create(sampleRequest(id), 'integrity-test')
    }
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mosaic-integrity-'))
    witnessUrl = `http://127.0.0.1:${await freePort()}`
    witnessKey = await writeWitnessKey({ name: witnessName, out: join(dir, 'witness.key') })
    // The witness starts later, once the log's key exists: until then cosigning fails and the
    // publisher asks again, with the next checkpoint or on a quiet log after 30 periods.
    server = await startTestServer(backend, {
      overrides: {
        integrity: {
          origin,
          publishMs: 200,
          witnesses: [{ url: witnessUrl, verifierKey: witnessKey }],
        },
      },
    })
    base = `${server.url}/integrity`
  })
  afterAll(async () => {
    witness?.child.kill('SIGKILL')
    await server?.stop()
    await rm(dir, { recursive: true, force: true })
  })

  it('logs one entry per seeded change, verifiable from the published files alone', async () => {
    const { platform } = server
    await runSeed(
      {
        database: platform.database,
        keyring: createIdRepoKeyring(platform.keys),
        keys: platform.keys,
      },
      { residents: 260, days: 5, seed: 'integrity-server' },
    )
    const note = await drained()
    const count = await changes()
    expect(count).toBeGreaterThan(256) // two level-0 tiles and a level-1 tile
    const text = note.slice(0, note.lastIndexOf('\n\n') + 1)
    const [line0, sizeLine, rootLine] = text.split('\n')
    expect(line0).toBe(origin)
    expect(Number(sizeLine)).toBe(count)
    const vkey = (await (await fetch(`${base}/key`)).text()).trim()
    independentSignatureCheck(note, vkey)
    expect((await independentRoot(base, count)).toString('base64')).toBe(rootLine)
  }, 60_000)

  it('is cosigned by a witness running as its own process, which refuses a fork', async () => {
    const logKey = (await (await fetch(`${base}/key`)).text()).trim()
    const config = [
      `name: ${witnessName}`,
      'keyFile: witness.key',
      'stateDir: witness-state',
      `listen: { host: 127.0.0.1, port: ${new URL(witnessUrl).port} }`,
      'logs:',
      `  - origin: ${origin}`,
      `    verifierKeys: ['${logKey}']`,
    ]
    await writeFile(join(dir, 'witness.yaml'), `${config.join('\n')}\n`)
    witness = await startWitnessProcess(join(dir, 'witness.yaml'))

    // The witness was down when the seeded log's checkpoint was signed: the publisher asks it
    // again while the log is quiet, without waiting for a change.
    const quiet = await changes()
    const first = await drained(cosigned)
    expect(await changes()).toBe(quiet)
    const firstSize = parseCheckpoint(openNote(first, [parseVerifierKey(logKey)]).text).size
    const monitor = {
      baseUrl: base,
      logKey,
      witnessKeys: [witnessKey],
      quorum: 1,
      stateFile: join(dir, 'monitor.json'),
    }
    expect(await monitorOnce(monitor)).toMatchObject({ ok: true, size: firstSize })

    await createIdentities(3)
    const second = await drained(cosigned)
    const secondSize = parseCheckpoint(openNote(second, [parseVerifierKey(logKey)]).text).size
    expect(secondSize).toBeGreaterThan(firstSize)
    const remembered = await (await fetch(`${witnessUrl}/${originHash(origin)}/checkpoint`)).text()
    expect(parseCheckpoint(openNote(remembered, [parseVerifierKey(logKey)]).text).size).toBe(
      secondSize,
    )
    // The monitor follows the growth: the old root recomputed from the new tiles.
    expect(await monitorOnce(monitor)).toMatchObject({
      ok: true,
      size: secondSize,
      previousSize: firstSize,
      cosigners: [witnessName],
    })

    // The log's own key over another tree of the same size: the witness catches the fork.
    const { privateKey } = await server.platform.signer.signingKey(logKeyPurpose, 'Ed25519')
    const forged = signNote(
      formatCheckpoint({ origin, size: secondSize, rootHash: randomBytes(32), extensions: [] }),
      [ed25519Signer(origin, privateKey)],
    )
    const refused = await fetch(`${witnessUrl}/add-checkpoint`, {
      method: 'POST',
      body: formatAddCheckpoint({ oldSize: secondSize, proof: [], checkpoint: forged }),
    })
    expect([409, 422]).toContain(refused.status)
  }, 60_000)

  it('monitors the published files and alarms on a rewritten tile and a forked checkpoint', async () => {
    const logKey = (await (await fetch(`${base}/key`)).text()).trim()
    const monitor = {
      baseUrl: base,
      logKey,
      witnessKeys: [witnessKey],
      quorum: 1,
      stateFile: join(dir, 'monitor.json'),
    }
    const clean = await monitorOnce(monitor)
    expect(clean).toMatchObject({ ok: true })
    const size = clean.ok ? clean.size : 0

    // A witness the log never asked: the quorum is not met.
    const stranger = generateWitnessKey('witness.test/stranger').verifierKey
    expect(
      await monitorOnce({ ...monitor, witnessKeys: [stranger], stateFile: join(dir, 'm2.json') }),
    ).toMatchObject({ ok: false, alarm: { kind: 'quorum' } })
    // Another key under the log's name: its signature is not there.
    const impostor = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' })
    const otherKey = verifierKeyString(
      origin,
      sigTypeEd25519,
      Buffer.from(impostor.x!, 'base64url'),
    )
    expect(
      await monitorOnce({ ...monitor, logKey: otherKey, stateFile: join(dir, 'm3.json') }),
    ).toMatchObject({ ok: false, alarm: { kind: 'bad-signature' } })

    // History rewritten: the first leaf hash of the first tile changes.
    const db = server.platform.db
    await sql`update integrity.tile set hashes = overlay(hashes placing ${randomBytes(32)} from 1 for 32)
      where level = 0 and idx = 0`.execute(db)
    const rewritten = await monitorOnce(monitor)
    expect(rewritten).toMatchObject({ ok: false, alarm: { kind: 'root-mismatch' } })

    // Then the partial tile too (it feeds the root directly), and a checkpoint the log key signs
    // over that rewritten tree: a fork of the one the monitor saw.
    await sql`update integrity.tile set hashes = overlay(hashes placing ${randomBytes(32)} from 1 for 32)
      where level = 0 and idx = 1`.execute(db)
    const fetchTile = async (tile: Parameters<typeof tilePath>[0]) =>
      Buffer.from(await (await fetch(`${base}/${tilePath(tile)}`)).arrayBuffer())
    const forkRoot = await rootFromTiles(size, fetchTile)
    const { privateKey } = await server.platform.signer.signingKey(logKeyPurpose, 'Ed25519')
    const forged = signNote(
      formatCheckpoint({ origin, size, rootHash: forkRoot, extensions: [] }),
      [ed25519Signer(origin, privateKey)],
    )
    await sql`update integrity.checkpoint set root = ${forkRoot}, note = ${forged}
      where size = ${size}`.execute(db)
    const fork = await monitorOnce({ ...monitor, quorum: 0 })
    expect(fork).toMatchObject({ ok: false, alarm: { kind: 'fork' } })
    // An alarm never advances the state: the next run raises it again.
    expect(await monitorOnce({ ...monitor, quorum: 0 })).toMatchObject({ alarm: { kind: 'fork' } })
  }, 30_000)
})
