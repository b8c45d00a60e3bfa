import { createIdRepoKeyring, type IdRepoKeyring } from '../../identity/index.js'
import type { KeyStore } from '../../platform/crypto/index.js'
import type { Db } from '../../platform/db/index.js'
import { parseVerifierKey } from '../note/index.js'
import type { LogIdentity } from '../publish/log-signer.js'
import { auditChains } from './chain-audit.js'
import { auditCheckpoints, checkpointSizes } from './checkpoint-audit.js'
import { Findings, type AuditProgress, type AuditReport } from './findings.js'
import { auditJournal } from './journal-audit.js'
import { auditRecords } from './record-audit.js'
import { auditTree, readStoredHead } from './tree-audit.js'

export interface VerifyOptions {
  readonly db: Db
  /** The platform's key store: the ID repository's keys, to read the records as they are now. */
  readonly keys: KeyStore
  /** A keyring over `keys` to reuse (its keys already loaded); by default a new one. */
  readonly keyring?: IdRepoKeyring
  /** The log's origin and verifier key (its checkpoints must verify with it). */
  readonly log: Pick<LogIdentity, 'origin' | 'verifier'>
  /** Witnesses' verifier keys (signed-note form): their cosignatures, where present, must verify. */
  readonly witnessKeys?: readonly string[]
  readonly onProgress?: AuditProgress
  /** Findings kept per code (the rest are counted). */
  readonly maxPerCode?: number
  /** Entries read per query (tests use small pages to cross page boundaries). */
  readonly pageSize?: number
}

/**
 * The auditor: recomputes the tree from the entries and compares it with every stored tile,
 * the head and every archived checkpoint; checks each record's chain of entries, every
 * journalled change against its entry and its consent, and every current record against its
 * latest logged commitment. Reads in pages: memory stays flat as the log grows (a byte per
 * entry for the journal's claims).
 */
export async function verifyIntegrity(options: VerifyOptions): Promise<AuditReport> {
  const { db } = options
  const onProgress = options.onProgress ?? (() => {})
  const findings = new Findings(options.maxPerCode)
  const checked = {
    entries: 0,
    tiles: 0,
    checkpoints: 0,
    journalRows: 0,
    unloggedRows: 0,
    consents: 0,
    records: 0,
  }
  const head = await readStoredHead(db)
  if (!head) {
    findings.add(
      'head-missing',
      'integrity.head has no row: the log was never created or was wiped',
    )
    return { ok: false, size: 0, checked, findings: findings.list, omitted: findings.omitted }
  }
  const sizes = await checkpointSizes(db)
  const tree = await auditTree(db, head, sizes, findings, onProgress, options.pageSize)
  checked.entries = tree.entries
  checked.tiles = tree.tiles
  checked.checkpoints = await auditCheckpoints(
    {
      db,
      origin: options.log.origin,
      verifier: options.log.verifier,
      witnesses: (options.witnessKeys ?? []).map(parseVerifierKey),
    },
    head.size,
    tree.rootsAt,
    findings,
    onProgress,
  )
  await auditChains(db, findings)
  const journal = await auditJournal(db, head.size, findings, onProgress)
  checked.journalRows = journal.rows
  checked.unloggedRows = journal.unlogged
  checked.consents = journal.consents
  checked.records = await auditRecords(
    db,
    options.keyring ?? createIdRepoKeyring(options.keys),
    findings,
    onProgress,
  )
  return {
    ok: findings.empty,
    size: head.size,
    checked,
    findings: findings.list,
    omitted: findings.omitted,
  }
}
