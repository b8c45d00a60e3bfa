import type { DecodedChange } from './logical-change.js'
import type { StreamPosition } from './transaction-decoder.js'

/** One table's changes, at most `batchSize`, in commit order. */
export interface WindowBatch {
  readonly table: string
  readonly changes: readonly DecodedChange[]
}

/**
 * Changes received but not yet delivered: at most `batchSize` of them, grouped by table (in
 * order of first appearance) so that a stream of small transactions touching two tables (a
 * registration and its transaction) makes full batches, not one batch per table switch. Per
 * table the changes stay in commit order. `position` is the stream position the window covers:
 * once every batch of it is acknowledged, the checkpoint may move there.
 */
export class ChangeWindow {
  readonly #batchSize: number
  #byTable = new Map<string, DecodedChange[]>()
  #size = 0
  #position: StreamPosition | null = null

  constructor(batchSize: number) {
    this.#batchSize = batchSize
  }

  /** Changes held. */
  get size(): number {
    return this.#size
  }

  /** True once the window holds `batchSize` changes. */
  get full(): boolean {
    return this.#size >= this.#batchSize
  }

  /** Adds a change; `position` is the stream position just after it. */
  add(decoded: DecodedChange, position: StreamPosition): void {
    const table = decoded.change.table
    const list = this.#byTable.get(table)
    if (list) list.push(decoded)
    else this.#byTable.set(table, [decoded])
    this.#size += 1
    this.#position = position
  }

  /** Moves the covered position (a commit or keepalive after the last change). */
  cover(position: StreamPosition): void {
    if (this.#size > 0) this.#position = position
  }

  /** Empties the window: its batches (one table each, at most `batchSize`) and position. */
  take(): { batches: WindowBatch[]; position: StreamPosition } | null {
    const position = this.#position
    if (this.#size === 0 || position === null) return null
    const batches: WindowBatch[] = []
    for (const [table, changes] of this.#byTable) {
      for (let at = 0; at < changes.length; at += this.#batchSize) {
        batches.push({ table, changes: changes.slice(at, at + this.#batchSize) })
      }
    }
    this.clear()
    return { batches, position }
  }

  /** Drops everything (after an error: the server resends it to the next connection). */
  clear(): void {
    this.#byTable = new Map()
    this.#size = 0
    this.#position = null
  }
}
