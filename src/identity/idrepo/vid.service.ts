import type { Transaction } from 'kysely'
import { z } from 'zod'
import type { EventBus } from '../../platform/bus/index.js'
import type { Db } from '../../platform/db/index.js'
import type { AppError } from '../../platform/errors.js'
import { idRepoErrors } from './errors.js'
import type { IdRepoService, IdentityRecord } from './id-repo.service.js'
import type { IdentifierSource } from './identifier-source.js'
import { uinSchema, vidSchema } from './identity-data.js'
import type { IdRepoCrypto, IdRepoKeyring } from './idrepo-crypto.js'
import {
  type IdRepoChange,
  idRepoAuditEvents as audits,
  idRepoTopics,
  recordChanges,
} from './idrepo-events.js'
import type { UinRow, VidRecord } from './idrepo.tables.js'
import type { ChangeConsent, ConsentEvidence } from './journal/consent-evidence.js'
import type { RecordAction } from './journal/record-actions.js'
import type { RecordJournal } from './journal/record-journal-service.js'
import { parse } from './parse.js'
import { findUinByHashes } from './uin.repository.js'
import { regenerableStatuses, type VidPolicy, type VidStatus, vidStatuses } from './vid-policy.js'
import {
  isExpired,
  nextVid,
  policyOrFail,
  vidAudit,
  vidEventData,
  vidInfo,
  type VidInfo,
} from './vid-helpers.js'
import * as vids from './vid.repository.js'

export type { VidInfo } from './vid-helpers.js'

export interface VidStatusResult {
  readonly status: string
  /** The VID that replaced a revoked auto-restored one (Perpetual), as MOSIP's restoredVid. */
  readonly restoredVid?: VidInfo
}

const updatableStatuses = vidStatuses.filter((status) => status !== 'ACTIVE')

export interface VidServiceDeps {
  readonly db: Db
  readonly bus: EventBus
  readonly keyring: IdRepoKeyring
  readonly identifiers: IdentifierSource
  readonly idRepo: IdRepoService
  readonly journal: RecordJournal
}

/** What a VID change journals: the record it changed, as what, under which consent. */
interface VidChange<T> {
  readonly result: T
  readonly journal?: {
    readonly row: UinRow
    readonly action: RecordAction
    readonly params: unknown
    readonly consent: ChangeConsent
  }
}

/** MOSIP's VID service: create, resolve, update status (revoke), regenerate, list. */
export class VidService {
  constructor(private readonly deps: VidServiceDeps) {}

  /** Creates a VID of `vidType` for an ACTIVATED UIN, within the policy's instancesAllowed. */
  async create(
    uin: string,
    vidType: string,
    actor: string,
    consent: ConsentEvidence,
  ): Promise<VidInfo> {
    const policy = policyOrFail(vidType)
    return this.withUin(uin, actor, async (trx, uinRow, changes, crypto) => ({
      result: await this.createLocked(trx, crypto, uinRow, policy, actor, changes),
      journal: { row: uinRow, action: 'vid-create', params: { vidType }, consent },
    }))
  }

  /**
   * Resolves a VID to its identity, counting one transaction: the VID becomes USED when it
   * reaches transactionsAllowed, EXPIRED once past its validity (IDR-VID-001 from then on).
   */
  async resolve(vid: string, actor: string): Promise<IdentityRecord> {
    const checked = parse(vidSchema, vid, 'vid')
    const crypto = await this.deps.keyring.session()
    type Outcome = { uin: string } | { error: AppError }
    const outcome = await this.journalled<Outcome>(crypto, actor, async (trx, changes) => {
      const row = await vids.findVid(trx, checked, true)
      if (!row) throw idRepoErrors.noRecordFound()
      // Locked so that a status the policy moves is journalled in version order.
      const uinRow = await findUinByHashes(trx, [row.uin_hash], true)
      if (!uinRow) throw idRepoErrors.noRecordFound()
      const byPolicy = (rule: 'vid-expired' | 'vid-used') => ({
        row: uinRow,
        action: 'vid-status' as const,
        params: { vidId: row.id, rule },
        consent: { kind: 'policy' as const, rule },
      })
      if (row.status_code === 'ACTIVE' && isExpired(row)) {
        await this.moveStatus(trx, row, 'EXPIRED', actor, changes)
        return {
          result: { error: idRepoErrors.invalidVid('EXPIRED') },
          journal: byPolicy('vid-expired'),
        }
      }
      if (row.status_code !== 'ACTIVE')
        return { result: { error: idRepoErrors.invalidVid(row.status_code) } }
      const uin = await uinOf(crypto, row)
      if (uinRow.status_code !== 'ACTIVATED') throw idRepoErrors.invalidUin(uinRow.status_code)
      const count = await vids.countVidTransaction(trx, row.id)
      const allowed = policyOrFail(row.vidtyp_code).transactionsAllowed
      const usedUp = allowed !== null && count >= allowed
      if (usedUp) await this.moveStatus(trx, row, 'USED', actor, changes)
      changes.push(vidAudit(audits.retrieveByVid, row, actor, `VID resolved (${count})`))
      return { result: { uin }, ...(usedUp && { journal: byPolicy('vid-used') }) }
    })
    if ('error' in outcome) throw outcome.error
    return this.deps.idRepo.getByUin(outcome.uin, actor)
  }

  /** MOSIP's PATCH /vid/{vid}: only an ACTIVE VID changes; revoking a Perpetual restores one. */
  async updateStatus(
    vid: string,
    status: VidStatus,
    actor: string,
    consent: ConsentEvidence,
  ): Promise<VidStatusResult> {
    const target = parse(z.enum(updatableStatuses), status, 'vidStatus')
    const checked = parse(vidSchema, vid, 'vid')
    const crypto = await this.deps.keyring.session()
    return this.journalled(crypto, actor, async (trx, changes) => {
      const row = await this.activeVid(trx, checked)
      const uinRow = await findUinByHashes(trx, [row.uin_hash], true)
      if (!uinRow) throw idRepoErrors.noRecordFound()
      const policy = policyOrFail(row.vidtyp_code)
      let restoredVid: VidInfo | undefined
      // MOSIP: USED means nothing for a VID with unlimited transactions.
      if (!(target === 'USED' && policy.transactionsAllowed === null))
        await this.moveStatus(trx, row, target, actor, changes)
      if (policy.autoRestoreAllowed && policy.restoreOnAction === target)
        restoredVid = await this.createLocked(trx, crypto, uinRow, policy, actor, changes)
      const result = {
        status: changes.length > 0 ? target : row.status_code,
        ...(restoredVid && { restoredVid }),
      }
      if (changes.length === 0) return { result }
      const params = { vid: checked, status: target }
      return { result, journal: { row: uinRow, action: 'vid-status', params, consent } }
    })
  }

  revoke(vid: string, actor: string, consent: ConsentEvidence): Promise<VidStatusResult> {
    return this.updateStatus(vid, 'REVOKED', actor, consent)
  }

  /** Invalidates the VID and issues a new one of its type; refused for auto-restored types. */
  async regenerate(vid: string, actor: string, consent: ConsentEvidence): Promise<VidInfo> {
    const checked = parse(vidSchema, vid, 'vid')
    const crypto = await this.deps.keyring.session()
    return this.journalled(crypto, actor, async (trx, changes) => {
      const row = await vids.findVid(trx, checked, true)
      if (!row) throw idRepoErrors.noRecordFound()
      const policy = policyOrFail(row.vidtyp_code)
      if (policy.autoRestoreAllowed) throw idRepoErrors.vidPolicyFailed()
      if (!regenerableStatuses.includes(row.status_code))
        throw idRepoErrors.invalidVid(row.status_code)
      const uinRow = await findUinByHashes(trx, [row.uin_hash], true)
      if (!uinRow) throw idRepoErrors.noRecordFound()
      await this.moveStatus(trx, row, 'INVALIDATED', actor, changes)
      changes.push(vidAudit(audits.regenerateVid, row, actor, 'VID regenerated'))
      const created = await this.createLocked(trx, crypto, uinRow, policy, actor, changes)
      const params = { vid: checked }
      return {
        result: created,
        journal: { row: uinRow, action: 'vid-regenerate', params, consent },
      }
    })
  }

  /** The UIN's ACTIVE, unexpired VIDs (MOSIP's GET /vid/uin/{uin}). */
  async listByUin(uin: string): Promise<VidInfo[]> {
    const crypto = await this.deps.keyring.session()
    const hashes = await crypto.uinLookupHashes(parse(uinSchema, uin, 'uin'))
    const uinRow = await findUinByHashes(this.deps.db, hashes)
    if (!uinRow) throw idRepoErrors.noRecordFound()
    return (await vids.activeVids(this.deps.db, uinRow.uin_hash)).map(vidInfo)
  }

  private async createLocked(
    trx: Transaction<object>,
    crypto: IdRepoCrypto,
    uinRow: UinRow,
    policy: VidPolicy,
    actor: string,
    changes: IdRepoChange[],
  ): Promise<VidInfo> {
    if (uinRow.status_code !== 'ACTIVATED') throw idRepoErrors.invalidUin(uinRow.status_code)
    const active = await vids.activeVids(trx, uinRow.uin_hash, policy.vidType)
    if (active.length >= policy.instancesAllowed) {
      if (!policy.autoRestoreAllowed) throw idRepoErrors.vidPolicyFailed()
      // MOSIP: the oldest gives way, taking the policy's restoreOnAction status.
      for (const old of active.slice(0, active.length - policy.instancesAllowed + 1))
        await this.moveStatus(trx, old, policy.restoreOnAction, actor, changes)
    }
    const vid = await nextVid(this.deps.identifiers, trx)
    const uin = await crypto.decryptUin(uinRow.uin, uinRow.uin_ref_id)
    const row = await vids.insertVid(trx, { vid, uinHash: uinRow.uin_hash, policy, actor }, (id) =>
      crypto.encryptUin(uin, id),
    )
    changes.push({
      ...vidAudit(audits.createVid, row, actor, `${policy.vidType} VID created`),
      event: {
        topic: idRepoTopics.vidCreated,
        subject: row.id,
        data: vidEventData(row, uinRow.uin_ref_id),
      },
    })
    return vidInfo(row)
  }

  private async moveStatus(
    trx: Transaction<object>,
    row: VidRecord,
    status: string,
    actor: string,
    changes: IdRepoChange[],
  ): Promise<void> {
    await vids.setVidStatus(trx, row.id, status, actor)
    const revoked = status === 'REVOKED'
    changes.push({
      ...vidAudit(
        revoked ? audits.revokeVid : audits.updateVidStatus,
        row,
        actor,
        `VID ${row.status_code} -> ${status}`,
      ),
      event: {
        topic: revoked ? idRepoTopics.vidRevoked : idRepoTopics.vidStatusUpdated,
        subject: row.id,
        data: { ...vidEventData({ ...row, status_code: status }), previousStatus: row.status_code },
      },
    })
  }

  private async activeVid(trx: Transaction<object>, vid: string): Promise<VidRecord> {
    const row = await vids.findVid(trx, vid, true)
    if (!row) throw idRepoErrors.noRecordFound()
    if (row.status_code !== 'ACTIVE') throw idRepoErrors.invalidVid(row.status_code)
    if (isExpired(row)) throw idRepoErrors.invalidVid('EXPIRED')
    return row
  }

  private async withUin<T>(
    uin: string,
    actor: string,
    work: (
      trx: Transaction<object>,
      row: UinRow,
      changes: IdRepoChange[],
      crypto: IdRepoCrypto,
    ) => Promise<VidChange<T>>,
  ): Promise<T> {
    const crypto = await this.deps.keyring.session()
    const hashes = await crypto.uinLookupHashes(parse(uinSchema, uin, 'uin'))
    return this.journalled(crypto, actor, async (trx, changes) => {
      // Locking the UIN row serialises VID creation per person, so instancesAllowed holds.
      const row = await findUinByHashes(trx, hashes, true)
      if (!row) throw idRepoErrors.noRecordFound()
      return work(trx, row, changes, crypto)
    })
  }

  /**
   * Runs a change in one transaction with its audit, events and journal row (the UIN row is
   * locked by `work`), and returns once the integrity log holds the change.
   */
  private async journalled<T>(
    crypto: IdRepoCrypto,
    actor: string,
    work: (trx: Transaction<object>, changes: IdRepoChange[]) => Promise<VidChange<T>>,
  ): Promise<T> {
    const { journal } = this.deps
    await journal.admit()
    const { result, seq } = await this.deps.db.transaction().execute(async (trx) => {
      const changes: IdRepoChange[] = []
      const change = await work(trx, changes)
      await recordChanges(trx, this.deps.bus, changes)
      if (!change.journal) return { result: change.result, seq: null }
      const at = new Date()
      const seq = await journal.record(trx, crypto, { ...change.journal, actor, at })
      return { result: change.result, seq }
    })
    if (seq !== null) await journal.acknowledged(seq)
    return result
  }
}

/** The VID's UIN, checked against its uin_hash (IDR-VID-006 when they disagree). */
async function uinOf(crypto: IdRepoCrypto, row: VidRecord): Promise<string> {
  const uin = await crypto.decryptUin(row.uin, row.id)
  if (!(await crypto.uinLookupHashes(uin)).includes(row.uin_hash))
    throw idRepoErrors.uinHashMismatch()
  return uin
}
