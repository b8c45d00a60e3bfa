import { pino } from 'pino'
import {
  createIdRepoKeyring,
  openSeedHarness,
  runSeed,
  type SeedHarness,
} from '../../identity/index.js'
import { busMigrations } from '../../platform/bus/index.js'
import { settingsSchema } from '../../platform/config/index.js'
import { createSigner } from '../../platform/crypto/index.js'
import { migrate, type Backend, type Db } from '../../platform/db/index.js'
import { integrityHistory } from '../integrity.migrations.js'
import { sequenceBatch } from '../log/sequencer.js'
import { publishCheckpoint } from '../publish/checkpoint-publisher.js'
import { openLogIdentity, type LogIdentity } from '../publish/log-signer.js'
import type { AuditReport, FindingCode } from './findings.js'
import { verifyIntegrity } from './verify-integrity.js'

export const testOrigin = 'audit.test.example/integrity'

/** The log's identity from the key store, as a process with this origin setting opens it. */
export function testLogIdentity(harness: Pick<SeedHarness, 'keys'>): Promise<LogIdentity> {
  return openLogIdentity({
    settings: settingsSchema.parse({ integrity: { origin: testOrigin } }),
    publicUrl: 'http://localhost',
    signer: createSigner(harness.keys),
  })
}

/** Sequences every journalled change into the log. */
export async function drainJournal(db: Db): Promise<void> {
  while ((await sequenceBatch(db)) !== null);
}

export interface LoggedCountry {
  readonly harness: SeedHarness
  readonly log: LogIdentity
  verify(db?: Db): Promise<AuditReport>
}

/**
 * A seeded country whose journal the log has sequenced and signed: a small database in the
 * state of a deployment whose integrity module has caught up.
 */
export async function openLoggedCountry(backend: Backend): Promise<LoggedCountry> {
  const harness = await openSeedHarness(backend)
  await runSeed(harness, { residents: 300, days: 10, seed: 'audit' })
  const db = harness.database.db
  await migrate(db, [busMigrations, integrityHistory])
  const log = await testLogIdentity(harness)
  const logger = pino({ level: 'silent' })
  // Two checkpoints: one archived early in the log, one at its head.
  await sequenceBatch(db, 50)
  await publishCheckpoint({ db, log, witnesses: [], logger })
  await drainJournal(db)
  await publishCheckpoint({ db, log, witnesses: [], logger })
  // Keys loaded once: inside a test's rolled-back transaction the embedded database has no
  // other connection to load them on.
  const keyring = createIdRepoKeyring(harness.keys, { refreshMs: 3_600_000 })
  await keyring.session()
  return {
    harness,
    log,
    verify: (over = db) =>
      verifyIntegrity({ db: over, keys: harness.keys, keyring, log, pageSize: 100 }),
  }
}

class Rollback extends Error {}

/** Runs `work` in a transaction that is always rolled back: a tamper undone after the check. */
export async function undone<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  let result: { value: T } | undefined
  try {
    await db.transaction().execute(async (trx) => {
      result = { value: await work(trx) }
      throw new Rollback()
    })
  } catch (error) {
    if (!(error instanceof Rollback)) throw error
  }
  if (!result) throw new Error('unreachable')
  return result.value
}

/** The messages of the report's findings of `code`. */
export const messagesOf = (report: AuditReport, code: FindingCode): string[] =>
  report.findings.filter((f) => f.code === code).map((f) => f.message)
