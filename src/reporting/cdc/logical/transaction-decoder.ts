import type { CapturedTable } from '../captured-table.js'
import {
  type CapturedRelation,
  captureRelation,
  changeTimeOfMicros,
  type DecodedChange,
  deleteChange,
  rowChange,
} from './logical-change.js'
import { logicalErrors } from './logical-errors.js'
import type { Lsn, PgOutputMessage } from './pgoutput-messages.js'

/** A stream position as the checkpoint stores it (see `ReplicationCheckpoint`). */
export interface StreamPosition {
  readonly ackedCommitLsn: Lsn
  readonly ackedEndLsn: Lsn
  readonly partial: { readonly commitLsn: Lsn; readonly changes: number } | null
}

interface OpenTransaction {
  readonly finalLsn: Lsn
  readonly commitTime: string
  /** Row changes (insert, update, delete) seen so far, captured or not. */
  seen: number
  /** Changes 1…skip were acknowledged before a restart. */
  readonly skip: number
}

/** What one pgoutput message means for the connector. */
export type DecodedEvent =
  | { readonly type: 'change'; readonly decoded: DecodedChange }
  | { readonly type: 'commit'; readonly endLsn: Lsn }
  | { readonly type: 'none' }

/**
 * Follows transactions on the stream: matches relations to captured tables, turns row changes
 * into CDC changes and skips what the checkpoint says the sink already acknowledged. A
 * transaction is resent whole after a restart, in the same order, so "the first n changes of
 * the transaction committing at L" identifies exactly what was delivered of it.
 */
export class TransactionDecoder {
  readonly #tables: ReadonlyMap<string, CapturedTable>
  readonly #relations = new Map<number, CapturedRelation | null>()
  readonly #acked: StreamPosition
  #open: OpenTransaction | null = null
  #lastCommit: { commitLsn: Lsn; endLsn: Lsn } | null = null
  #serverPosition: Lsn = 0n

  constructor(tables: readonly CapturedTable[], acked: StreamPosition) {
    this.#tables = new Map(tables.map((t) => [t.name, t]))
    this.#acked = acked
  }

  /** True between Begin and Commit. */
  get inTransaction(): boolean {
    return this.#open !== null
  }

  /**
   * Everything received so far, as a checkpoint: the last commit seen, plus the part of an
   * open transaction seen. Once the sink acknowledged every change received, this is acked.
   */
  received(): StreamPosition {
    const committed = this.#lastCommit
    return {
      ackedCommitLsn: maxLsn(committed?.commitLsn ?? 0n, this.#acked.ackedCommitLsn),
      ackedEndLsn: maxLsn(committed?.endLsn ?? 0n, this.#acked.ackedEndLsn, this.#idlePosition()),
      partial:
        this.#open === null ? null : { commitLsn: this.#open.finalLsn, changes: this.#open.seen },
    }
  }

  /** A keepalive: the server has sent everything before `walEnd`. */
  serverAt(walEnd: Lsn): void {
    if (walEnd > this.#serverPosition) this.#serverPosition = walEnd
  }

  /** The furthest position known to be fully received (commit ends and idle keepalives). */
  position(): Lsn {
    return maxLsn(this.#lastCommit?.endLsn ?? 0n, this.#acked.ackedEndLsn, this.#idlePosition())
  }

  #idlePosition(): Lsn {
    return this.#open === null ? this.#serverPosition : 0n
  }

  /** Applies one message; throws on TRUNCATE of a captured table. */
  apply(message: PgOutputMessage): DecodedEvent {
    switch (message.type) {
      case 'relation': {
        const table = this.#tables.get(`${message.schema}.${message.name}`)
        this.#relations.set(
          message.relationId,
          table === undefined ? null : captureRelation(table, message.columns),
        )
        return { type: 'none' }
      }
      case 'begin': {
        const acked = this.#acked
        const done = acked.ackedCommitLsn !== 0n && message.finalLsn <= acked.ackedCommitLsn
        const partly = acked.partial?.commitLsn === message.finalLsn ? acked.partial.changes : 0
        this.#open = {
          finalLsn: message.finalLsn,
          commitTime: changeTimeOfMicros(message.commitMicros),
          seen: 0,
          skip: done ? Number.MAX_SAFE_INTEGER : partly,
        }
        return { type: 'none' }
      }
      case 'commit': {
        this.#open = null
        this.#lastCommit = { commitLsn: message.commitLsn, endLsn: message.endLsn }
        return { type: 'commit', endLsn: message.endLsn }
      }
      case 'insert':
      case 'update':
      case 'delete': {
        const open = this.#open
        if (open === null) throw logicalErrors.protocol('row change outside a transaction')
        open.seen += 1
        if (open.seen <= open.skip) return { type: 'none' }
        const relation = this.#relation(message.relationId)
        if (relation === null) return { type: 'none' }
        if (message.type === 'delete') {
          const change = deleteChange(relation, message.old, open.commitTime)
          return { type: 'change', decoded: { change, unchanged: [] } }
        }
        return { type: 'change', decoded: rowChange(relation, message.tuple, open.commitTime) }
      }
      case 'truncate': {
        const captured = message.relationIds
          .map((id) => this.#relation(id))
          .filter((r): r is CapturedRelation => r !== null)
        if (captured.length > 0) {
          throw logicalErrors.truncate(captured.map((r) => r.table.name).join(', '))
        }
        return { type: 'none' }
      }
      case 'skipped':
        return { type: 'none' }
    }
  }

  #relation(id: number): CapturedRelation | null {
    const relation = this.#relations.get(id)
    if (relation === undefined) throw logicalErrors.protocol(`change of unknown relation ${id}`)
    return relation
  }
}

function maxLsn(...values: Lsn[]): Lsn {
  return values.reduce((max, v) => (v > max ? v : max), 0n)
}
