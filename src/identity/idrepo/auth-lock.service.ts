import { sql } from 'kysely'
import { z } from 'zod'
import type { EventBus } from '../../platform/bus/index.js'
import type { Db } from '../../platform/db/index.js'
import { idRepoErrors } from './errors.js'
import type { IdRepoKeyring } from './idrepo-crypto.js'
import { idRepoAuditEvents, idRepoTopics, recordChanges } from './idrepo-events.js'
import type { IdRepoTables, UinAuthLockRow } from './idrepo.tables.js'
import type { ConsentEvidence } from './journal/consent-evidence.js'
import type { RecordJournal } from './journal/record-journal-service.js'
import { parse } from './parse.js'
import { uinSchema } from './identity-data.js'
import { findUinByHashes } from './uin.repository.js'

/** Auth type codes as idrepo stores them (`demo`, `bio-<subtype>`, `otp-<channel>`). */
export const authTypes = [
  'demo',
  'bio-FIR',
  'bio-IIR',
  'bio-FACE',
  'otp-email',
  'otp-phone',
] as const
export type AuthType = (typeof authTypes)[number]

export const authTypeStatusRequestSchema = z
  .array(
    z.strictObject({
      authType: z.enum(authTypes),
      locked: z.boolean(),
      /** Unlock for this long, then the type is locked again (resident "unlock for"). */
      unlockForSeconds: z.number().int().positive().max(31_536_000).optional(),
    }),
  )
  .min(1)
  .max(authTypes.length)
  .refine(
    (items) => new Set(items.map((i) => i.authType)).size === items.length,
    'duplicate authType',
  )
export type AuthTypeStatusRequest = z.input<typeof authTypeStatusRequestSchema>

export interface AuthTypeStatus {
  readonly authType: AuthType
  readonly locked: boolean
  /** When a temporary unlock ends (then the type is locked again); null otherwise. */
  readonly unlockExpiresAt: Date | null
}

/** MOSIP's auth type lock/unlock (idrepo.uin_auth_lock): one row per request, the latest wins. */
export class AuthLockService {
  constructor(
    private readonly deps: {
      db: Db
      bus: EventBus
      keyring: IdRepoKeyring
      journal: RecordJournal
    },
  ) {}

  async update(
    uin: string,
    input: AuthTypeStatusRequest,
    actor: string,
    consent: ConsentEvidence,
  ): Promise<AuthTypeStatus[]> {
    const requests = parse(authTypeStatusRequestSchema, input, 'authTypes')
    const crypto = await this.deps.keyring.session()
    const hashes = await crypto.uinLookupHashes(parse(uinSchema, uin, 'uin'))
    const { journal } = this.deps
    await journal.admit()
    const seq = await this.deps.db.transaction().execute(async (trx) => {
      // Locked: the record's changes are journalled one version after another.
      const row = await findUinByHashes(trx, hashes, true)
      if (!row) throw idRepoErrors.noRecordFound()
      for (const request of requests) {
        const expiry = request.locked || !request.unlockForSeconds ? null : request.unlockForSeconds
        // The database clock (microseconds) keeps MOSIP's key (hash, type, request time) unique.
        await sql`
          insert into idrepo.uin_auth_lock (uin_hash, auth_type_code, lock_request_datetime,
            lock_start_datetime, lock_end_datetime, status_code, cr_by, cr_dtimes,
            unlock_expiry_datetime)
          select ${row.uin_hash}, ${request.authType}, t.now, t.now,
            ${request.locked ? null : sql`t.now`}, ${String(request.locked)}, ${actor}, t.now,
            ${expiry === null ? null : sql`t.now + make_interval(secs => ${expiry})`}
          from (select clock_timestamp()::timestamp as now) t`.execute(trx)
      }
      await recordChanges(trx, this.deps.bus, [
        {
          audit: idRepoAuditEvents.authTypeStatus,
          actor,
          refId: row.uin_ref_id,
          refIdType: 'UIN_REF_ID',
          description: requests
            .map((r) => `${r.authType}=${r.locked ? 'locked' : 'unlocked'}`)
            .join(','),
          event: {
            topic: idRepoTopics.authTypeStatusUpdated,
            subject: row.uin_ref_id,
            data: {
              uinRefId: row.uin_ref_id,
              authTypes: requests.map((r) => ({
                authType: r.authType,
                locked: r.locked,
                unlockForSeconds: r.unlockForSeconds ?? null,
              })),
            },
          },
        },
      ])
      return journal.record(trx, crypto, {
        row,
        action: 'auth-lock',
        params: requests,
        consent,
        actor,
        at: new Date(),
      })
    })
    await journal.acknowledged(seq)
    return this.status(uin)
  }

  /** The current status of every auth type; types never locked are unlocked. */
  async status(uin: string, now = new Date()): Promise<AuthTypeStatus[]> {
    const crypto = await this.deps.keyring.session()
    const hashes = await crypto.uinLookupHashes(parse(uinSchema, uin, 'uin'))
    const row = await findUinByHashes(this.deps.db, hashes)
    if (!row) throw idRepoErrors.noRecordFound()
    const rows = await this.deps.db
      .withTables<IdRepoTables>()
      .selectFrom('idrepo.uin_auth_lock')
      .selectAll()
      .where('uin_hash', '=', row.uin_hash)
      .where('is_deleted', 'is not', true)
      .orderBy('lock_request_datetime', 'desc')
      .execute()
    return authTypes.map((authType) =>
      statusOf(
        authType,
        rows.find((r) => r.auth_type_code === authType),
        now,
      ),
    )
  }

  /** Whether IDA must refuse this auth type for the UIN now (IDA-MLC-019). */
  async isLocked(uin: string, authType: AuthType, now = new Date()): Promise<boolean> {
    return (await this.status(uin, now)).find((s) => s.authType === authType)?.locked ?? false
  }
}

function statusOf(
  authType: AuthType,
  latest: UinAuthLockRow | undefined,
  now: Date,
): AuthTypeStatus {
  if (!latest) return { authType, locked: false, unlockExpiresAt: null }
  if (latest.status_code === 'true') return { authType, locked: true, unlockExpiresAt: null }
  const expiry = latest.unlock_expiry_datetime
  if (expiry && expiry.getTime() <= now.getTime())
    return { authType, locked: true, unlockExpiresAt: null }
  return { authType, locked: false, unlockExpiresAt: expiry }
}
