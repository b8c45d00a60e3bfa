import { logicalErrors } from './logical-errors.js'

/** A WAL position (PostgreSQL's pg_lsn) as an unsigned 64-bit integer. */
export type Lsn = bigint

/** `X/Y`, PostgreSQL's text form of an LSN. */
export function formatLsn(lsn: Lsn): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`
}

/** Parses `X/Y` (as `pg_current_wal_lsn()` returns it). */
export function parseLsn(text: string): Lsn {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text)
  if (!match?.[1] || !match[2]) throw logicalErrors.protocol(`not an LSN: ${text.slice(0, 20)}`)
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`)
}

/** Microseconds between the Unix epoch and PostgreSQL's (2000-01-01), for protocol times. */
const pgEpochMicros = 946_684_800_000_000n

/** One column of a tuple: text value, SQL null, or an unchanged TOASTed value not sent. */
export type TupleValue =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'null' }
  | { readonly kind: 'unchanged' }

/** A column as a Relation message describes it. */
export interface RelationColumn {
  readonly name: string
  readonly typeOid: number
  readonly isKey: boolean
}

/** The pgoutput messages the connector acts on (protocol version 1). */
export type PgOutputMessage =
  | {
      readonly type: 'begin'
      readonly finalLsn: Lsn
      /** Commit time, microseconds since the Unix epoch. */
      readonly commitMicros: bigint
      readonly xid: number
    }
  | { readonly type: 'commit'; readonly commitLsn: Lsn; readonly endLsn: Lsn }
  | {
      readonly type: 'relation'
      readonly relationId: number
      readonly schema: string
      readonly name: string
      readonly columns: readonly RelationColumn[]
    }
  | { readonly type: 'insert'; readonly relationId: number; readonly tuple: readonly TupleValue[] }
  | {
      readonly type: 'update'
      readonly relationId: number
      /** The old key ('K') or old row ('O'), sent only when the key changed or identity is FULL. */
      readonly old: readonly TupleValue[] | null
      readonly tuple: readonly TupleValue[]
    }
  | { readonly type: 'delete'; readonly relationId: number; readonly old: readonly TupleValue[] }
  | { readonly type: 'truncate'; readonly relationIds: readonly number[] }
  /** Type, Origin and logical decoding messages: nothing the connector needs. */
  | { readonly type: 'skipped'; readonly tag: string }

/** A CopyData frame of the replication stream. */
export type ReplicationFrame =
  | { readonly type: 'xlog'; readonly start: Lsn; readonly walEnd: Lsn; readonly message: Buffer }
  | { readonly type: 'keepalive'; readonly walEnd: Lsn; readonly replyRequested: boolean }

/** Splits a CopyData payload of START_REPLICATION into XLogData and primary keepalive frames. */
export function parseFrame(data: Buffer): ReplicationFrame {
  const tag = String.fromCharCode(data[0] ?? 0)
  if (tag === 'w' && data.length >= 25) {
    return {
      type: 'xlog',
      start: data.readBigUInt64BE(1),
      walEnd: data.readBigUInt64BE(9),
      message: data.subarray(25),
    }
  }
  if (tag === 'k' && data.length >= 18) {
    return { type: 'keepalive', walEnd: data.readBigUInt64BE(1), replyRequested: data[17] === 1 }
  }
  throw logicalErrors.protocol(`unexpected replication frame '${tag}'`)
}

/**
 * The standby status update ('r') confirming `lsn` as written, flushed and applied;
 * `replyRequested` asks the server for a keepalive at once (it tells how far it has sent).
 */
export function standbyStatus(lsn: Lsn, now: Date, replyRequested = false): Buffer {
  const frame = Buffer.alloc(34)
  frame.write('r', 0, 'latin1')
  frame.writeBigUInt64BE(lsn, 1)
  frame.writeBigUInt64BE(lsn, 9)
  frame.writeBigUInt64BE(lsn, 17)
  frame.writeBigInt64BE(BigInt(now.getTime()) * 1000n - pgEpochMicros, 25)
  frame.writeUInt8(replyRequested ? 1 : 0, 33)
  return frame
}

/** Reads a pgoutput message; fields are big-endian, strings null-terminated UTF-8. */
export function parsePgOutput(data: Buffer): PgOutputMessage {
  const reader = new MessageReader(data)
  const tag = String.fromCharCode(reader.byte())
  switch (tag) {
    case 'B': {
      const finalLsn = reader.int64()
      const commitMicros = reader.int64() + pgEpochMicros
      return { type: 'begin', finalLsn, commitMicros, xid: reader.int32() }
    }
    case 'C': {
      reader.byte()
      return { type: 'commit', commitLsn: reader.int64(), endLsn: reader.int64() }
    }
    case 'R': {
      const relationId = reader.int32()
      const schema = reader.string()
      const name = reader.string()
      reader.byte() // replica identity setting
      const count = reader.int16()
      const columns: RelationColumn[] = []
      for (let i = 0; i < count; i++) {
        const flags = reader.byte()
        const columnName = reader.string()
        const typeOid = reader.int32()
        reader.int32() // type modifier
        columns.push({ name: columnName, typeOid, isKey: (flags & 1) === 1 })
      }
      return { type: 'relation', relationId, schema, name, columns }
    }
    case 'I': {
      const relationId = reader.int32()
      reader.expect('N')
      return { type: 'insert', relationId, tuple: reader.tuple() }
    }
    case 'U': {
      const relationId = reader.int32()
      let marker = String.fromCharCode(reader.byte())
      let old: TupleValue[] | null = null
      if (marker === 'K' || marker === 'O') {
        old = reader.tuple()
        marker = String.fromCharCode(reader.byte())
      }
      if (marker !== 'N') throw logicalErrors.protocol(`update without new tuple ('${marker}')`)
      return { type: 'update', relationId, old, tuple: reader.tuple() }
    }
    case 'D': {
      const relationId = reader.int32()
      const marker = String.fromCharCode(reader.byte())
      if (marker !== 'K' && marker !== 'O') throw logicalErrors.protocol('delete without key')
      return { type: 'delete', relationId, old: reader.tuple() }
    }
    case 'T': {
      const count = reader.int32()
      reader.byte() // CASCADE / RESTART IDENTITY flags
      const relationIds: number[] = []
      for (let i = 0; i < count; i++) relationIds.push(reader.int32())
      return { type: 'truncate', relationIds }
    }
    default:
      return { type: 'skipped', tag }
  }
}

class MessageReader {
  #offset = 0
  constructor(private readonly data: Buffer) {}

  #need(bytes: number): number {
    const at = this.#offset
    if (at + bytes > this.data.length) throw logicalErrors.protocol('truncated pgoutput message')
    this.#offset += bytes
    return at
  }
  byte(): number {
    return this.data.readUInt8(this.#need(1))
  }
  int16(): number {
    return this.data.readInt16BE(this.#need(2))
  }
  int32(): number {
    return this.data.readInt32BE(this.#need(4))
  }
  int64(): bigint {
    return this.data.readBigUInt64BE(this.#need(8))
  }
  string(): string {
    const end = this.data.indexOf(0, this.#offset)
    if (end < 0) throw logicalErrors.protocol('unterminated string')
    const text = this.data.toString('utf8', this.#offset, end)
    this.#offset = end + 1
    return text
  }
  expect(tag: string): void {
    const found = String.fromCharCode(this.byte())
    if (found !== tag) throw logicalErrors.protocol(`expected '${tag}', found '${found}'`)
  }
  tuple(): TupleValue[] {
    const count = this.int16()
    const values: TupleValue[] = []
    for (let i = 0; i < count; i++) {
      const kind = String.fromCharCode(this.byte())
      if (kind === 'n') values.push({ kind: 'null' })
      else if (kind === 'u') values.push({ kind: 'unchanged' })
      else if (kind === 't') {
        const length = this.int32()
        const at = this.#need(length)
        values.push({ kind: 'text', text: this.data.toString('utf8', at, at + length) })
      } else throw logicalErrors.protocol(`tuple value kind '${kind}' (binary is not requested)`)
    }
    return values
  }
}
