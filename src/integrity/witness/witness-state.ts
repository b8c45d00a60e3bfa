import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { DataDirInUseError, lockDataDir } from '../../platform/db/index.js'
import { describeIssues } from '../../platform/errors.js'
import { writeFileDurably } from '../../platform/durable-file.js'
import { witnessErrors } from './witness-errors.js'

/**
 * A witness's memory of the logs it cosigned, one file per origin under `<dir>/logs/`:
 *
 *   <dir>/witness.lock                  pid of the one process serving this directory
 *   <dir>/logs/<sha256(origin)>.json    { origin, size, rootHash, checkpoint }
 *   <dir>/logs/.<…>.json.tmp            a record being written (removed at start)
 *
 * A record is the latest checkpoint the witness cosigned; losing or rolling it back would let
 * the witness cosign a fork, so each write is a temp file, fsynced, renamed over the old one,
 * and the directory fsynced.
 */
export interface LogRecord {
  size: number
  rootHash: Buffer
  /** The cosigned checkpoint: log signature(s) it verified plus its own cosignature(s). */
  checkpoint: string
}

const recordFile = z.object({
  origin: z.string().min(1),
  size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  rootHash: z.base64(),
  checkpoint: z.string(),
})

/** The file name of an origin's record: a hash, as origins may hold any character. */
export function originHash(origin: string): string {
  return createHash('sha256').update(origin, 'utf8').digest('hex')
}

export class WitnessState {
  private readonly records = new Map<string, LogRecord>()
  private readonly tails = new Map<string, Promise<void>>()
  private released = false

  private constructor(
    readonly dir: string,
    private readonly releaseLock: () => void,
  ) {}

  /** Claims `dir` for this process (refusing if a live process holds it) and loads it. */
  static async open(dir: string): Promise<WitnessState> {
    await mkdir(join(dir, 'logs'), { recursive: true })
    const state = new WitnessState(dir, lockStateDir(dir))
    try {
      await state.load()
    } catch (error) {
      state.close()
      throw error
    }
    return state
  }

  /** The latest cosigned record of `origin`, or undefined if it was never cosigned. */
  get(origin: string): LogRecord | undefined {
    return this.records.get(origin)
  }

  /** Origins with a record, and their sizes. */
  sizes(): { origin: string; size: number }[] {
    return [...this.records].map(([origin, r]) => ({ origin, size: r.size }))
  }

  /**
   * Runs `fn` with no other `withOrigin(origin, …)` call in flight: the check of the old size
   * and the write of the new one must be one step (the spec's rollback race).
   */
  async withOrigin<T>(origin: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(origin) ?? Promise.resolve()
    let release = () => {}
    const mine = new Promise<void>((resolve) => (release = resolve))
    const tail = previous.then(() => mine)
    this.tails.set(origin, tail)
    await previous
    try {
      return await fn()
    } finally {
      release()
      if (this.tails.get(origin) === tail) this.tails.delete(origin)
    }
  }

  /** Durably replaces the record of `origin`; call it inside `withOrigin`. */
  async put(origin: string, record: LogRecord): Promise<void> {
    const body = JSON.stringify({
      origin,
      size: record.size,
      rootHash: record.rootHash.toString('base64'),
      checkpoint: record.checkpoint,
    })
    await writeFileDurably(join(this.dir, 'logs', `${originHash(origin)}.json`), body)
    this.records.set(origin, { ...record, rootHash: Buffer.from(record.rootHash) })
  }

  /** Releases the directory (idempotent). */
  close(): void {
    if (this.released) return
    this.released = true
    this.releaseLock()
  }

  private async load(): Promise<void> {
    const logs = join(this.dir, 'logs')
    for (const name of await readdir(logs)) {
      const file = join(logs, name)
      // A temp file is a write that never reached its rename: the old record still stands.
      if (name.startsWith('.') && name.endsWith('.tmp')) await rm(file, { force: true })
      if (!/^[0-9a-f]{64}\.json$/.test(name)) continue
      let raw: unknown
      try {
        raw = JSON.parse(await readFile(file, 'utf8'))
      } catch (error) {
        throw witnessErrors.stateCorrupt(file, (error as Error).message)
      }
      const parsed = recordFile.safeParse(raw)
      if (!parsed.success) throw witnessErrors.stateCorrupt(file, describeIssues(parsed.error))
      const { origin, size, rootHash, checkpoint } = parsed.data
      if (`${originHash(origin)}.json` !== name)
        throw witnessErrors.stateCorrupt(file, 'the file name is not the hash of its origin')
      this.records.set(origin, { size, rootHash: Buffer.from(rootHash, 'base64'), checkpoint })
    }
  }
}

/** Claims `dir` with `<dir>/witness.lock` (a dead process's lock is taken over). */
function lockStateDir(dir: string): () => void {
  try {
    return lockDataDir(join(dir, 'witness'))
  } catch (error) {
    if (error instanceof DataDirInUseError) throw witnessErrors.stateHeld(dir, error.pid)
    throw error
  }
}
