import { randomInt } from 'node:crypto'
import {
  changedTiles,
  decodeEntryBundle,
  leafHash,
  nodeHash,
  nodeReaderFromTiles,
  rootFromTiles,
  tileHeight,
  tileWidth,
  type NodeReader,
} from '../merkle/index.js'
import {
  decodeNoteBytes,
  NoteError,
  openNote,
  parseCheckpoint,
  parseVerifierKey,
  type Checkpoint,
  type NoteVerifier,
} from '../note/index.js'
import { readMonitorState, writeMonitorState, type MonitorState } from './monitor-state.js'
import { RemoteLog, UnreachableError, widthAt } from './remote-log.js'

export type MonitorAlarmKind =
  'fork' | 'bad-signature' | 'quorum' | 'root-mismatch' | 'shrunk' | 'unreachable'

/** Something a log must never do, or the log could not be checked at all. */
export interface MonitorAlarm {
  readonly kind: MonitorAlarmKind
  readonly message: string
}

export interface MonitorOptions {
  /** The log's published prefix, e.g. https://id.example.gov/integrity. */
  readonly baseUrl: string
  /** The log's verifier key (signed-note vkey); its name must be the checkpoint origin. */
  readonly logKey: string
  /** Witness verifier keys (cosignature/v1 vkeys) the monitor trusts. */
  readonly witnessKeys: readonly string[]
  /** How many distinct trusted witnesses must have cosigned (k of n). */
  readonly quorum: number
  /** Where the last verified checkpoint is kept between runs. */
  readonly stateFile: string
  readonly fetchImpl?: typeof fetch
}

export type MonitorResult =
  | {
      readonly ok: true
      readonly size: number
      readonly root: Buffer
      /** The size verified before this run (null on a first run). */
      readonly previousSize: number | null
      /** Names of the trusted witnesses whose cosignatures verified. */
      readonly cosigners: readonly string[]
    }
  | { readonly ok: false; readonly alarm: MonitorAlarm }

class Alarm extends Error {
  constructor(
    readonly kind: MonitorAlarmKind,
    message: string,
  ) {
    super(message)
  }
}

/**
 * One check of a remote log from its published files only: the checkpoint's log signature and
 * witness quorum, its root recomputed from the tiles, the new tiles' upper levels against the
 * lower ones, the new entries against the level-0 tiles, and the last verified checkpoint's
 * root recomputed from the same tiles (an append-only check without trusting the server's
 * proofs). The state advances only when everything holds. Options that cannot work (a bad key,
 * a quorum above the witnesses) throw; everything the log does wrong is an alarm.
 */
export async function monitorOnce(options: MonitorOptions): Promise<MonitorResult> {
  const logVerifier = parseVerifierKey(options.logKey)
  const witnesses = options.witnessKeys.map((key) => parseVerifierKey(key))
  if (!Number.isInteger(options.quorum) || options.quorum < 0) {
    throw new RangeError('the quorum is a whole number ≥ 0')
  }
  if (options.quorum > witnesses.length) {
    throw new RangeError(`a quorum of ${options.quorum} needs as many witness keys`)
  }
  const log = new RemoteLog(options.baseUrl, options.fetchImpl)
  try {
    const previous = await readMonitorState(options.stateFile)
    const { note, checkpoint, cosigners } = await fetchCheckpoint(log, logVerifier, witnesses)
    if (cosigners.length < options.quorum) {
      throw new Alarm(
        'quorum',
        `checkpoint ${checkpoint.size} has ${cosigners.length} of the ${options.quorum} cosignatures required` +
          (cosigners.length ? ` (${cosigners.join(', ')})` : ''),
      )
    }
    checkAgainstPrevious(checkpoint, previous)
    await checkTiles(log, checkpoint, previous?.size ?? 0)
    if (previous && previous.size < checkpoint.size) {
      // The old tree must be a prefix of the new one: its root from the new tree's tiles.
      const oldRoot = await rootFromTiles(previous.size, (tile) =>
        log.tileOf(tile.level, tile.index, checkpoint.size),
      )
      if (!oldRoot.equals(previous.root)) {
        throw new Alarm(
          'fork',
          `the tree of size ${checkpoint.size} does not extend the verified tree of size ${previous.size}` +
            ` (root there ${oldRoot.toString('base64')}, verified ${previous.root.toString('base64')})`,
        )
      }
    }
    await writeMonitorState(options.stateFile, {
      size: checkpoint.size,
      root: checkpoint.rootHash,
      checkpoint: note,
    })
    return {
      ok: true,
      size: checkpoint.size,
      root: checkpoint.rootHash,
      previousSize: previous?.size ?? null,
      cosigners,
    }
  } catch (error) {
    if (error instanceof Alarm)
      return { ok: false, alarm: { kind: error.kind, message: error.message } }
    if (error instanceof UnreachableError) {
      return { ok: false, alarm: { kind: 'unreachable', message: error.message } }
    }
    throw error
  }
}

async function fetchCheckpoint(
  log: RemoteLog,
  logVerifier: NoteVerifier,
  witnesses: readonly NoteVerifier[],
): Promise<{ note: string; checkpoint: Checkpoint; cosigners: string[] }> {
  const bytes = await log.get('checkpoint')
  let note: string
  let checkpoint: Checkpoint
  try {
    note = decodeNoteBytes(bytes)
    checkpoint = parseCheckpoint(openNote(note, [logVerifier]).text)
  } catch (error) {
    if (error instanceof NoteError) {
      throw new Alarm('bad-signature', `the checkpoint does not verify: ${error.message}`)
    }
    throw error
  }
  if (checkpoint.origin !== logVerifier.name) {
    throw new Alarm(
      'bad-signature',
      `the checkpoint's origin ${JSON.stringify(checkpoint.origin.slice(0, 80))} is not the key's name ${logVerifier.name}`,
    )
  }
  const cosigners: string[] = []
  for (const witness of witnesses) {
    const key = `${witness.name}+${witness.keyId.toString('hex')}`
    if (cosigners.includes(key)) continue // the same key given twice counts once
    try {
      openNote(note, [witness])
      cosigners.push(key)
    } catch (error) {
      if (!(error instanceof NoteError)) throw error
      // A line of a trusted witness that does not verify is forged, not merely missing.
      if (error.kind === 'badSignature') {
        throw new Alarm('bad-signature', `the cosignature of ${witness.name} does not verify`)
      }
    }
  }
  return { note, checkpoint, cosigners: cosigners.map((key) => key.slice(0, key.lastIndexOf('+'))) }
}

function checkAgainstPrevious(checkpoint: Checkpoint, previous: MonitorState | null): void {
  if (!previous) return
  if (checkpoint.size < previous.size) {
    throw new Alarm('shrunk', `the log shrank from ${previous.size} to ${checkpoint.size} entries`)
  }
  if (checkpoint.size === previous.size && !checkpoint.rootHash.equals(previous.root)) {
    // Two signed checkpoints of one size with different roots: the definition of a fork.
    throw new Alarm(
      'fork',
      `two checkpoints of size ${checkpoint.size} with different roots (now ${checkpoint.rootHash.toString('base64')}, verified ${previous.root.toString('base64')})`,
    )
  }
}

/**
 * The checkpoint's root from its tiles; then every hash the growth from `fromSize` added to an
 * upper tile level against the full tile below it, and every new entry against its leaf hash.
 */
async function checkTiles(log: RemoteLog, checkpoint: Checkpoint, fromSize: number) {
  const size = checkpoint.size
  const fetchTile = log.tile.bind(log)
  const root = await rootFromTiles(size, fetchTile)
  if (!root.equals(checkpoint.rootHash)) {
    throw new Alarm(
      'root-mismatch',
      `the tiles give root ${root.toString('base64')} at size ${size}, the checkpoint ${checkpoint.rootHash.toString('base64')}`,
    )
  }
  const read = nodeReaderFromTiles(size, fetchTile)
  const fresh = changedTiles(fromSize, size).filter((tile) => tile.level > 0)
  for (const tile of fresh) {
    const data = await log.tile(tile)
    const first = Math.max(tile.index * tileWidth, Math.floor(fromSize / tileWidth ** tile.level))
    for (let at = first; at < tile.index * tileWidth + tile.width; at++) {
      const below = tile.level * tileHeight - 1
      const [left, right] = await read([
        { level: below, index: 2 * at },
        { level: below, index: 2 * at + 1 },
      ])
      const offset = (at - tile.index * tileWidth) * 32
      if (!nodeHash(left as Buffer, right as Buffer).equals(data.subarray(offset, offset + 32))) {
        throw new Alarm(
          'root-mismatch',
          `hash ${at} of tile level ${tile.level} is not the root of the tile below it`,
        )
      }
    }
  }
  await spotCheck(read, size)
  await checkEntries(log, fromSize, size)
}

/** Full level-0 tiles re-read each run, at random, against the level-1 hash above them. */
const spotChecks = 4

/**
 * The root reads the upper tiles, so a rewrite of an old level-0 tile would go unseen after
 * the run that first checked it; re-reading a few at random each run finds one in time.
 */
async function spotCheck(read: NodeReader, size: number): Promise<void> {
  const full = Math.floor(size / tileWidth)
  const picks = new Set<number>()
  while (picks.size < Math.min(spotChecks, full)) picks.add(randomInt(full))
  for (const index of picks) {
    const [left, right, above] = await read([
      { level: tileHeight - 1, index: 2 * index },
      { level: tileHeight - 1, index: 2 * index + 1 },
      { level: tileHeight, index },
    ])
    if (!nodeHash(left as Buffer, right as Buffer).equals(above as Buffer)) {
      throw new Alarm('root-mismatch', `level-0 tile ${index} no longer matches the hash above it`)
    }
  }
}

async function checkEntries(log: RemoteLog, fromSize: number, size: number): Promise<void> {
  for (let bundle = Math.floor(fromSize / tileWidth); bundle * tileWidth < size; bundle++) {
    const width = widthAt(0, bundle, size)
    let entries: Buffer[]
    try {
      entries = decodeEntryBundle(await log.entryBundle(bundle, width))
    } catch (error) {
      if (error instanceof RangeError) throw new Alarm('root-mismatch', error.message)
      throw error
    }
    if (entries.length !== width) {
      throw new Alarm(
        'root-mismatch',
        `entry bundle ${bundle} holds ${entries.length} entries, not ${width}`,
      )
    }
    const leaves = await log.tile({ level: 0, index: bundle, width })
    for (let i = Math.max(0, fromSize - bundle * tileWidth); i < width; i++) {
      if (!leafHash(entries[i] as Buffer).equals(leaves.subarray(i * 32, (i + 1) * 32))) {
        throw new Alarm(
          'root-mismatch',
          `entry ${bundle * tileWidth + i} does not hash to its leaf in the level-0 tile`,
        )
      }
    }
  }
}
