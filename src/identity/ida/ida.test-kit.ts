import { createIdaHashers } from './ida-hashers.js'
import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { busMigrations, type EventBus } from '../../platform/bus/index.js'
import { openTestBus } from '../../platform/bus/test-bus.js'
import { keyStoreHistory, openKeyStore } from '../../platform/crypto/index.js'
import type { Backend } from '../../platform/db/index.js'
import { createTestDatabase, type TestDatabase } from '../../platform/db/test-database.js'
import type { SendRequest } from '../../platform/notify/index.js'
import { auditHistory } from '../audit/index.js'
import {
  createIdRepoServices,
  idmapHistory,
  idrepoHistory,
  type IdRepoServices,
} from '../idrepo/index.js'
import { testIdentifiers } from '../idrepo/idrepo.test-kit.js'
import type { AuthPolicyInput } from './auth-policy.js'
import { authPolicySchema } from './auth-policy.js'
import type { AuthRequest } from './auth-request.schema.js'
import { hammingMatcher, type BioTemplate } from './biometric-matcher.js'
import { partnerStatementGate, type ConsentGate } from './consent-gate.js'
import { idaHistory } from './ida.migrations.js'
import { IdaService } from './ida.service.js'
import { defaultOtpSettings, OtpService } from './otp.service.js'
import { savePartnerPolicy } from './policy.repository.js'
import { testJournal } from '../idrepo/journal/journal.test-kit.js'

export const bank = { id: 'bank-of-tests', name: 'Bank of Tests' }

export interface IdaHarness extends IdRepoServices {
  readonly database: TestDatabase
  readonly bus: EventBus
  readonly ida: IdaService
  /** Messages handed to notify (the fake sender keeps them instead of sending). */
  readonly sent: SendRequest[]
  /** Enrolled templates by bioRefId, read by the harness's EnrolledBiometrics. */
  readonly gallery: Map<string, BioTemplate[]>
  setPolicy(partnerId: string, policy: AuthPolicyInput): Promise<void>
  /** The OTP in the latest message sent. */
  lastOtp(): string
  /** Every row of ida.auth_transaction, oldest first. */
  transactions(): Promise<Record<string, unknown>[]>
  close(): Promise<void>
}

export async function openIdaHarness(
  backend: Backend,
  options: { consent?: ConsentGate } = {},
): Promise<IdaHarness> {
  const database = await createTestDatabase(backend, [
    keyStoreHistory,
    busMigrations,
    auditHistory,
    idrepoHistory,
    idmapHistory,
    idaHistory,
  ])
  const db = database.db
  const keys = await openKeyStore({ db, masterKey: randomBytes(32) })
  const bus = await openTestBus(database)
  const services = createIdRepoServices({ db, bus, keys }, testIdentifiers, testJournal())
  const sent: SendRequest[] = []
  const gallery = new Map<string, BioTemplate[]>()
  const notify = {
    async send(request: SendRequest) {
      sent.push(request)
      return {
        id: `msg-${sent.length}`,
        status: 'held' as const,
        channel: request.channel,
        language: request.language ?? 'eng',
        duplicate: false,
      }
    },
  }
  const hashers = createIdaHashers(keys)
  const ida = new IdaService({
    db,
    bus,
    ...services,
    hashers,
    otp: new OtpService({
      db,
      hasher: hashers.otp,
      notify,
      settings: defaultOtpSettings,
    }),
    matcher: hammingMatcher(),
    enrolled: { templatesOf: async (record) => gallery.get(record.bioRefId ?? '') ?? [] },
    consent: options.consent ?? partnerStatementGate,
    requestWindowSeconds: 120,
  })
  return {
    ...services,
    database,
    bus,
    ida,
    sent,
    gallery,
    async setPolicy(partnerId, policy) {
      await savePartnerPolicy(db, partnerId, authPolicySchema.parse(policy), 'test')
    },
    lastOtp() {
      const otp = sent.at(-1)?.variables?.otp
      if (typeof otp !== 'string') throw new Error('no OTP was sent')
      return otp
    },
    async transactions() {
      const { rows } = await sql<
        Record<string, unknown>
      >`select * from ida.auth_transaction order by request_dtimes, cr_dtimes`.execute(db)
      return rows
    },
    async close() {
      await bus.close({ force: true })
      await database.drop()
    },
  }
}

let sequence = 0

/** An auth request for `individualId`, with the given request block. */
export function authRequest(
  individualId: string,
  request: AuthRequest['request'],
  extra: Partial<AuthRequest> = {},
): AuthRequest {
  sequence += 1
  return {
    id: 'mosip.identity.auth',
    version: '1.0',
    requestTime: new Date().toISOString(),
    transactionID: `TXN${sequence.toString().padStart(7, '0')}`,
    individualId,
    individualIdType: 'UIN',
    consentObtained: true,
    request,
    ...extra,
  }
}

/** A random binary template and a copy of it with `flips` bits changed. */
export function templatePair(bytes = 64, flips = 20): [string, string] {
  const enrolled = randomBytes(bytes)
  const probe = Buffer.from(enrolled)
  for (let i = 0; i < flips; i += 1) {
    const bit = (i * 37) % (bytes * 8)
    probe[bit >> 3] = (probe[bit >> 3] ?? 0) ^ (1 << (bit & 7))
  }
  return [enrolled.toString('base64'), probe.toString('base64')]
}
