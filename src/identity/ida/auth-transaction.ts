import { randomUUID } from 'node:crypto'
import { createCloudEvent, type EventBus } from '../../platform/bus/index.js'
import type { Db } from '../../platform/db/index.js'
import { recordAudit } from '../audit/index.js'
import type { IdaTables } from './ida.tables.js'

/** MOSIP's RequestType codes (auth_type_code) and their status comment wording. */
export const requestTypes = {
  otpRequest: { code: 'OTP-REQUEST', label: 'OTP Request', module: 'IDA-OTR' },
  otp: { code: 'OTP-AUTH', label: 'OTP Authentication', module: 'IDA-OTA' },
  demo: { code: 'DEMO-AUTH', label: 'Demo Authentication', module: 'IDA-DEA' },
  finger: { code: 'FINGERPRINT-AUTH', label: 'Fingerprint Authentication', module: 'IDA-FPA' },
  iris: { code: 'IRIS-AUTH', label: 'Iris Authentication', module: 'IDA-ISA' },
  face: { code: 'FACE-AUTH', label: 'Face Authentication', module: 'IDA-FAA' },
  ekyc: { code: 'EKYC-AUTH', label: 'eKYC Authentication', module: 'IDA-EKA' },
} as const
export type RequestType = (typeof requestTypes)[keyof typeof requestTypes]

/** MOSIP's IDA audit events (AuditEvents.java). */
export const idaAuditEvents = {
  authRequest: { id: 'IDA_001', name: 'Authentication Request' },
  otpRequest: { id: 'IDA_002', name: 'OTP Request' },
  ekyc: { id: 'IDA_003', name: 'eKYC Request' },
} as const

/** MOSIP's topic for every attempt (consumed by the resident service's history). */
export const authTransactionTopic = 'identity.AUTHENTICATION_TRANSACTION_STATUS'

export interface AuthAttempt {
  readonly requestedAt: Date
  readonly requestTransactionId: string
  readonly types: readonly RequestType[]
  readonly success: boolean
  /** Extra words for status_comment (e.g. the consent reference); never personal data. */
  readonly note?: string
  /** Keyed hash of the individual id, never the id. */
  readonly refId: string
  readonly refIdType: 'UIN' | 'VID'
  /** The partner-specific token, or '' when the individual could not be resolved. */
  readonly tokenId: string
  readonly partnerId: string
  readonly partnerName: string
  readonly audit: (typeof idaAuditEvents)[keyof typeof idaAuditEvents]
}

/** "Demo Authentication Success;OTP Authentication Failed", as MOSIP's AuthTransactionBuilder. */
export function statusComment(attempt: AuthAttempt): string {
  const outcome = attempt.success ? 'Success' : 'Failed'
  const parts = attempt.types.map((type) => `${type.label} ${outcome}`)
  return [...parts, ...(attempt.note ? [attempt.note] : [])].join(';').slice(0, 1024)
}

/**
 * Writes one attempt to ida.auth_transaction with its audit entry and its
 * AUTHENTICATION_TRANSACTION_STATUS event, all in one database transaction. Returns its id.
 */
export async function recordAttempt(db: Db, bus: EventBus, attempt: AuthAttempt): Promise<string> {
  const id = randomUUID()
  const now = new Date()
  const status = attempt.success ? 'Y' : 'N'
  const authTypes = attempt.types.map((type) => type.code)
  await db
    .withTables<IdaTables>()
    .transaction()
    .execute(async (trx) => {
      await trx
        .insertInto('ida.auth_transaction')
        .values({
          id,
          request_dtimes: attempt.requestedAt,
          response_dtimes: now,
          request_trn_id: attempt.requestTransactionId,
          auth_type_code: authTypes.join(',').slice(0, 128),
          status_code: status,
          status_comment: statusComment(attempt),
          lang_code: 'NA',
          ref_id_type: attempt.refIdType,
          ref_id: attempt.refId,
          token_id: attempt.tokenId,
          requested_entity_type: 'PARTNER',
          requested_entity_id: attempt.partnerId,
          requested_entity_name: attempt.partnerName.slice(0, 128),
          static_tkn_id: null,
          request_signature: null,
          response_signature: null,
          cr_by: attempt.partnerId,
          cr_dtimes: now,
          upd_by: null,
          upd_dtimes: null,
          is_deleted: false,
          del_dtimes: null,
        })
        .execute()
      await recordAudit(trx, {
        eventId: attempt.audit.id,
        eventName: attempt.audit.name,
        eventType: 'BUSINESS',
        appId: 'IDA',
        appName: 'ID_AUTHENTICATION',
        moduleId: attempt.types[0]?.module ?? 'IDA-DEA',
        moduleName: attempt.types[0]?.label ?? 'Authentication',
        refId: id,
        refIdType: 'AUTH_TRANSACTION',
        sessionUserId: attempt.partnerId,
        description: `${authTypes.join(',')} status ${status}`,
        actionAt: attempt.requestedAt,
      })
      await bus.publish(
        [
          {
            topic: authTransactionTopic,
            event: createCloudEvent({
              type: `org.mosaic.${authTransactionTopic}`,
              source: '/mosaic/identity/ida',
              subject: id,
              data: {
                transactionId: id,
                requestTransactionId: attempt.requestTransactionId,
                partnerId: attempt.partnerId,
                tokenId: attempt.tokenId,
                authTypes,
                status,
                requestedAt: attempt.requestedAt.toISOString(),
              },
            }),
          },
        ],
        { trx },
      )
    })
  return id
}

/** Successful OTP requests for the individual since `since` (MOSIP's flooding check). */
export async function countOtpRequests(db: Db, refId: string, since: Date): Promise<number> {
  const row = await db
    .withTables<IdaTables>()
    .selectFrom('ida.auth_transaction')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('ref_id', '=', refId)
    .where('request_dtimes', '>=', since)
    .where('auth_type_code', '=', requestTypes.otpRequest.code)
    .where('status_code', '=', 'Y')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
