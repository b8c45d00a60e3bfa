import { type ChildProcess, spawn } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { consistencyProof, leafHash, type NodeReader, rootFromLeafHashes } from '../merkle/index.js'
import {
  ed25519RawPublicKey,
  ed25519Signer,
  formatCheckpoint,
  type NoteSigner,
  sigTypeEd25519,
  signNote,
  verifierKeyString,
} from '../note/index.js'

/** A log in memory for witness tests: its key, its leaves, its signed checkpoints and proofs. */
export interface TestLog {
  readonly origin: string
  readonly verifierKey: string
  readonly signer: NoteSigner
  /** Appends leaves so the log holds `size` of them. */
  grow(size: number): void
  /** The same key over a different history: what a forking log would sign. */
  fork(salt: string): TestLog
  root(size: number): Buffer
  /** The checkpoint note of the first `size` leaves, signed by the log (or by `signer`). */
  checkpoint(size: number, signer?: NoteSigner): string
  proof(from: number, to: number): Promise<Buffer[]>
}

export function testLog(
  origin: string,
  privateKey = generateKeyPairSync('ed25519').privateKey,
  salt = '',
): TestLog {
  const signer = ed25519Signer(origin, privateKey)
  const leaves: Buffer[] = []
  const read: NodeReader = async (nodes) =>
    nodes.map(({ level, index }) =>
      rootFromLeafHashes(leaves.slice(index * 2 ** level, (index + 1) * 2 ** level)),
    )
  const root = (size: number) => rootFromLeafHashes(leaves.slice(0, size))
  return {
    origin,
    verifierKey: verifierKeyString(origin, sigTypeEd25519, ed25519RawPublicKey(privateKey)),
    signer,
    fork: (otherSalt) => testLog(origin, privateKey, otherSalt),
    grow(size) {
      while (leaves.length < size)
        leaves.push(leafHash(Buffer.from(`${salt}leaf ${leaves.length}`)))
    },
    root,
    checkpoint: (size, by = signer) =>
      signNote(formatCheckpoint({ origin, size, rootHash: root(size), extensions: [] }), [by]),
    proof: (from, to) => consistencyProof(from, to, read),
  }
}

/** Another log's key under the same name: its signatures must not count. */
export function impostor(origin: string): NoteSigner {
  return ed25519Signer(origin, generateKeyPairSync('ed25519').privateKey)
}

/** The type byte and raw public key of a vkey (its base64 part may itself hold '+'). */
export function vkeyMaterial(vkey: string): { type: number; publicKey: Buffer } {
  const material = Buffer.from(vkey.split('+').slice(2).join('+'), 'base64')
  return { type: material[0] ?? -1, publicKey: material.subarray(1) }
}

export interface RunningWitness {
  readonly child: ChildProcess
  readonly url: string
  readonly exited: Promise<number | null>
}

const witnessScript = fileURLToPath(new URL('./witness.process.ts', import.meta.url))

/** Starts `mosaic integrity witness` as its own process; resolves once it logs that it listens. */
export function startWitnessProcess(configFile: string): Promise<RunningWitness> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', witnessScript, '--config', configFile],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  let out = ''
  let err = ''
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()))
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      for (const line of out.split('\n')) {
        if (!line.includes('witness listening')) continue
        const { url } = JSON.parse(line) as { url: string }
        resolve({ child, url, exited })
      }
    })
    void exited.then((code) => reject(new Error(`witness exited (${code}): ${err}`)))
  })
}
