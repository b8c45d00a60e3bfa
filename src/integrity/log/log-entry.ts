import { createHash } from 'node:crypto'
import { recordActions, type RecordAction } from '../../identity/index.js'

/**
 * One log entry: a consented change of an identity record, with no personal data. Binary,
 * big-endian, version 1:
 *   u8 format (1) | u8 action | 32 record key | u32 version | u64 previous entry index + 1
 *   (0 for the record's first) | 32 commitment | 32 consent reference | u64 time (ms since the
 *   epoch) | 32 actor key
 * 150 bytes. Record and actor appear as domain-separated SHA-256 keys (docs/integrity.md).
 */
export interface LogEntry {
  readonly action: RecordAction
  readonly recordKey: Buffer
  readonly version: number
  readonly previousIndex: number | null
  readonly commitment: Buffer
  readonly consentRef: Buffer
  readonly time: number
  readonly actorKey: Buffer
}

export const entryFormat = 1
export const entrySize = 150

const keyOf = (domain: string, value: string) =>
  createHash('sha256').update(`mosaic/${domain}/v1\n${value}`).digest()

/** The record's key in the log: a hash of its internal, random reference (`uin_ref_id`). */
export const recordKey = (uinRefId: string): Buffer => keyOf('record', uinRefId)

/** The actor's key in the log: a hash of the staff or service name. */
export const actorKey = (actor: string): Buffer => keyOf('actor', actor)

export function encodeEntry(entry: LogEntry): Buffer {
  const out = Buffer.alloc(entrySize)
  let at = out.writeUInt8(entryFormat, 0)
  at = out.writeUInt8(recordActions.indexOf(entry.action) + 1, at)
  at += entry.recordKey.copy(out, at)
  at = out.writeUInt32BE(entry.version, at)
  at = out.writeBigUInt64BE(BigInt(entry.previousIndex === null ? 0 : entry.previousIndex + 1), at)
  at += entry.commitment.copy(out, at)
  at += entry.consentRef.copy(out, at)
  at = out.writeBigUInt64BE(BigInt(entry.time), at)
  entry.actorKey.copy(out, at)
  return out
}

/** Decodes an entry; throws a RangeError naming what is wrong with a malformed one. */
export function decodeEntry(data: Uint8Array): LogEntry {
  const bytes = Buffer.from(data)
  if (bytes.length !== entrySize)
    throw new RangeError(`entry is ${bytes.length} bytes, not ${entrySize}`)
  if (bytes.readUInt8(0) !== entryFormat) throw new RangeError(`unknown entry format ${bytes[0]}`)
  const action = recordActions[bytes.readUInt8(1) - 1]
  if (!action) throw new RangeError(`unknown action code ${bytes[1]}`)
  const previous = Number(bytes.readBigUInt64BE(38))
  return {
    action,
    recordKey: bytes.subarray(2, 34),
    version: bytes.readUInt32BE(34),
    previousIndex: previous === 0 ? null : previous - 1,
    commitment: bytes.subarray(46, 78),
    consentRef: bytes.subarray(78, 110),
    time: Number(bytes.readBigUInt64BE(110)),
    actorKey: bytes.subarray(118, 150),
  }
}
