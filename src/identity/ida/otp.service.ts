import { randomInt, randomUUID, timingSafeEqual } from 'node:crypto'
import type { KeyedHasher } from '../../platform/crypto/index.js'
import type { Db } from '../../platform/db/index.js'
import type { NotifyService } from '../../platform/notify/index.js'
import { idaErrors } from './errors.js'
import type { IdaTables } from './ida.tables.js'

export interface OtpSettings {
  /** How long an OTP is valid (MOSIP's mosip.kernel.otp.expiry-time, 3 min). */
  readonly expirySeconds: number
  /** Wrong entries before the OTP is frozen (IDA-OTA-007). */
  readonly maxAttempts: number
}

export const defaultOtpSettings: OtpSettings = { expirySeconds: 180, maxAttempts: 5 }

export interface OtpChannelAddress {
  readonly channel: 'email' | 'sms'
  readonly to: string
}

/**
 * One-time passwords for IDA (ida.otp_transaction). Only a keyed hash of the OTP is stored,
 * bound to the OTP's ref_id (partner, transaction and individual), so an OTP only verifies
 * for the transaction it was requested for (MOSIP's IDA-OTA-005 rule).
 */
export class OtpService {
  constructor(
    private readonly deps: {
      db: Db
      hasher: KeyedHasher
      notify: Pick<NotifyService, 'send'>
      settings: OtpSettings
    },
  ) {}

  /** Generates, stores (hash only) and sends a 6-digit OTP to every address. */
  async issue(
    refId: string,
    addresses: readonly OtpChannelAddress[],
    language: string,
    actor: string,
  ): Promise<void> {
    const otp = randomInt(0, 1_000_000).toString().padStart(6, '0')
    const now = new Date()
    const expires = new Date(now.getTime() + this.deps.settings.expirySeconds * 1000)
    const db = this.deps.db.withTables<IdaTables>()
    // Hashed before the transaction: the key store reads on its own connection (PGlite has one).
    const otpHash = await this.hashOf(refId, otp)
    await db.transaction().execute(async (trx) => {
      // A new OTP replaces any earlier one of the same transaction.
      await trx
        .updateTable('ida.otp_transaction')
        .set({ status_code: 'REPLACED', upd_by: actor, upd_dtimes: now })
        .where('ref_id', '=', refId)
        .where('status_code', '=', 'ACTIVE')
        .execute()
      await trx
        .insertInto('ida.otp_transaction')
        .values({
          id: randomUUID(),
          ref_id: refId,
          otp_hash: otpHash,
          generated_dtimes: now,
          expiry_dtimes: expires,
          validation_retry_count: 0,
          status_code: 'ACTIVE',
          lang_code: language,
          cr_by: actor,
          cr_dtimes: now,
          upd_by: null,
          upd_dtimes: null,
          is_deleted: false,
          del_dtimes: null,
        })
        .execute()
    })
    const minutes = Math.ceil(this.deps.settings.expirySeconds / 60)
    try {
      for (const address of addresses)
        await this.deps.notify.send({
          channel: address.channel,
          to: address.to,
          template: 'otp',
          language,
          variables: { otp, minutes },
          expiresAt: expires,
        })
    } catch (error) {
      throw idaErrors.otpGenerationFailed(error)
    }
  }

  /** Checks an OTP: USED on success; wrong entries count, and freeze it at the limit. */
  async verify(refId: string, otp: string, actor: string, now = new Date()): Promise<void> {
    const db = this.deps.db.withTables<IdaTables>()
    const given = await this.hashOf(refId, otp)
    const outcome = await db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('ida.otp_transaction')
        .selectAll()
        .where('ref_id', '=', refId)
        .where('status_code', 'in', ['ACTIVE', 'FROZEN'])
        .orderBy('generated_dtimes', 'desc')
        .forUpdate()
        .executeTakeFirst()
      if (!row) return idaErrors.otpInvalid()
      const set = (fields: { status_code?: string; validation_retry_count?: number }) =>
        trx
          .updateTable('ida.otp_transaction')
          .set({ ...fields, upd_by: actor, upd_dtimes: now })
          .where('id', '=', row.id)
          .execute()
      if (row.status_code === 'FROZEN') return idaErrors.otpBlocked()
      if (row.expiry_dtimes && row.expiry_dtimes.getTime() <= now.getTime()) {
        await set({ status_code: 'EXPIRED' })
        return idaErrors.otpExpired()
      }
      if (!sameHex(given, row.otp_hash)) {
        const count = (row.validation_retry_count ?? 0) + 1
        const frozen = count >= this.deps.settings.maxAttempts
        await set({ validation_retry_count: count, ...(frozen && { status_code: 'FROZEN' }) })
        return frozen ? idaErrors.otpBlocked() : idaErrors.otpInvalid()
      }
      await set({ status_code: 'USED' })
      return null
    })
    if (outcome) throw outcome
  }

  private hashOf(refId: string, otp: string): Promise<string> {
    return this.deps.hasher.hash(`${refId}:${otp}`)
  }
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex')
  const y = Buffer.from(b, 'hex')
  return x.length === y.length && timingSafeEqual(x, y)
}
