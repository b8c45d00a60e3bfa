import { countUnlogged } from '../../identity/index.js'
import type { Db } from '../../platform/db/index.js'
import { latestCheckpoint } from '../publish/checkpoint-archive.js'
import { readStoredHead } from './tree-audit.js'

/** Counted up to this many: the exact backlog matters little beyond it. */
const unloggedCap = 1_000_000

export interface IntegrityStatus {
  readonly size: number
  readonly root: string | null
  readonly checkpoint: {
    readonly size: number
    readonly signedAt: string
    readonly cosignedBy: readonly string[]
  } | null
  /** Journalled changes the log has not recorded yet (at most `unloggedCap`). */
  readonly unlogged: number
}

/** The log at a glance: its size, latest checkpoint and the journal's backlog. */
export async function integrityStatus(db: Db): Promise<IntegrityStatus> {
  const head = await readStoredHead(db)
  const latest = await latestCheckpoint(db)
  return {
    size: head?.size ?? 0,
    root: head ? head.root.toString('hex') : null,
    checkpoint: latest && {
      size: latest.size,
      signedAt: latest.signedAt.toISOString(),
      cosignedBy: latest.cosignedBy,
    },
    unlogged: await countUnlogged(db, unloggedCap),
  }
}
