import { randomBytes, randomInt } from 'node:crypto'
import { sql } from 'kysely'
import { busMigrations, type CloudEvent, type EventBus } from '../../platform/bus/index.js'
import { openTestBus } from '../../platform/bus/test-bus.js'
import { keyStoreHistory, openKeyStore } from '../../platform/crypto/index.js'
import type { Backend } from '../../platform/db/index.js'
import { createTestDatabase, type TestDatabase } from '../../platform/db/test-database.js'
import { auditHistory } from '../audit/index.js'
import { AuthLockService } from './auth-lock.service.js'
import { testJournal } from './journal/journal.test-kit.js'
import { IdRepoService } from './id-repo.service.js'
import type { CreateIdentityRequest } from './identity-requests.js'
import type { IdentifierSource } from './identifier-source.js'
import { createIdRepoKeyring, type IdRepoKeyring } from './idrepo-crypto.js'
import { idmapHistory } from './idmap.migrations.js'
import { idrepoHistory } from './idrepo.migrations.js'
import { VidService } from './vid.service.js'

/** Random ids of MOSIP's shapes; the real pools (identity ids) apply MOSIP's filters. */
export const testIdentifiers: IdentifierSource = {
  nextUin: async () => `${randomInt(2, 10)}${randomInt(0, 1e9).toString().padStart(9, '0')}`,
  nextVid: async () =>
    `${randomInt(2, 10)}${randomInt(0, 1e9).toString().padStart(9, '0')}${randomInt(0, 1e6).toString().padStart(6, '0')}`,
}

export interface IdRepoHarness {
  readonly database: TestDatabase
  readonly bus: EventBus
  readonly keyring: IdRepoKeyring
  readonly idRepo: IdRepoService
  readonly vids: VidService
  readonly locks: AuthLockService
  /** Events in the outbox, oldest first. */
  events(): Promise<{ topic: string; event: CloudEvent }[]>
  /** Rows of audit.app_audit_log, oldest first. */
  audits(): Promise<{ event_id: string; ref_id: string | null; session_user_id: string }[]>
  close(): Promise<void>
}

export async function openIdRepoHarness(
  backend: Backend,
  identifiers: IdentifierSource = testIdentifiers,
): Promise<IdRepoHarness> {
  const database = await createTestDatabase(backend, [
    keyStoreHistory,
    busMigrations,
    auditHistory,
    idrepoHistory,
    idmapHistory,
  ])
  const keys = await openKeyStore({ db: database.db, masterKey: randomBytes(32) })
  const keyring = createIdRepoKeyring(keys)
  const bus = await openTestBus(database)
  const db = database.db
  const journal = testJournal()
  const idRepo = new IdRepoService({ db, bus, keyring, identifiers, journal })
  return {
    database,
    bus,
    keyring,
    idRepo,
    vids: new VidService({ db, bus, keyring, identifiers, idRepo, journal }),
    locks: new AuthLockService({ db, bus, keyring, journal }),
    async events() {
      const { rows } = await sql<{
        topic: string
        event: CloudEvent
      }>`select topic, event from bus.event order by seq`.execute(db)
      return rows
    },
    async audits() {
      const { rows } = await sql<{
        event_id: string
        ref_id: string | null
        session_user_id: string
      }>`select event_id, ref_id, session_user_id from audit.app_audit_log order by log_dtimes, event_id`.execute(
        db,
      )
      return rows
    },
    async close() {
      await bus.close({ force: true })
      await database.drop()
    },
  }
}

/** A 29-digit RID: center, machine, sequence, then a timestamp. */
export function testRid(sequence = randomInt(0, 99_999)): string {
  return `10001${'10002'}${sequence.toString().padStart(5, '0')}20260301083000`
}

/** A person with distinctive values, so that a search for them in the database means a leak. */
export const samplePerson = {
  fullName: 'Wanjiku Zebedayo Qamau',
  addressLine1: 'Plot 77 Quixotic Lane',
  phone: '+254711222333',
  email: 'wanjiku.qamau@example.org',
} as const

export function sampleRequest(rid = testRid()): CreateIdentityRequest {
  return {
    rid,
    langCode: 'eng',
    identity: {
      fullName: [
        { language: 'eng', value: samplePerson.fullName },
        { language: 'swa', value: samplePerson.fullName },
      ],
      dateOfBirth: '1990/07/14',
      gender: [{ language: 'eng', value: 'Female' }],
      addressLine1: [{ language: 'eng', value: samplePerson.addressLine1 }],
      region: [{ language: 'eng', value: 'Coast' }],
      postalCode: '80100',
      phone: samplePerson.phone,
      email: samplePerson.email,
      IDSchemaVersion: 0.1,
    },
    documents: [
      {
        category: 'POA',
        type: 'DOC004',
        fileId: 'doc-0001',
        fileName: 'proof-of-address.pdf',
        format: 'pdf',
        hash: 'a'.repeat(64),
      },
    ],
    biometrics: [
      {
        type: 'individualBiometrics',
        fileId: 'cbeff-0001',
        fileName: 'individualBiometrics_bio_CBEFF.xml',
        hash: 'b'.repeat(64),
      },
    ],
    bioRefId: 'abis-ref-0001',
  }
}
