/**
 * A place in the outbox: the publishing transaction's id, then the row's sequence. Events are
 * read in this order, which is commit-safe where `seq` alone is not (docs/bus.md, "Ordering").
 */
export interface Position {
  /** xid8 as a decimal string (it can exceed 2^53). */
  readonly xid: string
  readonly seq: number
}

/** Before every event. */
export const origin: Position = { xid: '0', seq: 0 }

export function comparePositions(a: Position, b: Position): number {
  const byXid = BigInt(a.xid) - BigInt(b.xid)
  if (byXid !== 0n) return byXid < 0n ? -1 : 1
  return Math.sign(a.seq - b.seq)
}

export function formatPosition(position: Position): string {
  return `outbox:${position.xid}:${position.seq}`
}
