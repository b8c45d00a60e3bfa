import { randomUUID } from 'node:crypto'
import type { Transaction } from 'kysely'
import { z } from 'zod'
import type { EventBus } from '../../platform/bus/index.js'
import type { Db } from '../../platform/db/index.js'
import { anonymousProfileOf, insertAnonymousProfile, recountChannels } from './anonymous-profile.js'
import { idRepoErrors } from './errors.js'
import {
  createIdentityRequestSchema,
  updateIdentityRequestSchema,
  type CreateIdentityRequest,
  type UpdateIdentityRequest,
} from './identity-requests.js'
import type { IdentifierSource } from './identifier-source.js'
import {
  ridSchema,
  uinSchema,
  uinStatuses,
  type Identity,
  type UinStatus,
} from './identity-data.js'
import type { IdRepoCrypto, IdRepoKeyring } from './idrepo-crypto.js'
import {
  type IdRepoChange,
  idRepoAuditEvents as audits,
  idRepoTopics,
  recordChanges,
} from './idrepo-events.js'
import type { UinRow } from './idrepo.tables.js'
import { identityChange, nextUin, toRecord, type IdentityRecord } from './identity-record.js'
import type { ConsentEvidence } from './journal/consent-evidence.js'
import { enrolConsentKey } from './journal/consent-keys.js'
import { statusAction } from './journal/record-actions.js'
import type { RecordJournal } from './journal/record-journal-service.js'
import { parse } from './parse.js'
import * as uins from './uin.repository.js'
import { moveVidStatuses } from './vid.repository.js'

export interface IdRepoServiceDeps {
  readonly db: Db
  readonly bus: EventBus
  readonly keyring: IdRepoKeyring
  readonly identifiers: IdentifierSource
  readonly journal: RecordJournal
}

/** MOSIP's ID repository identity service: create, read, update and status of identities. */
export class IdRepoService {
  constructor(private readonly deps: IdRepoServiceDeps) {}

  /** Issues a UIN for a processed registration and stores the identity, status ACTIVATED. */
  async create(input: CreateIdentityRequest, actor: string): Promise<IdentityRecord> {
    const { consent, consentKey, ...request } = parse(createIdentityRequestSchema, input)
    const { bus, journal } = this.deps
    const crypto = await this.deps.keyring.session()
    await journal.admit()
    const [record, seq] = await this.deps.db.transaction().execute(async (trx) => {
      if (await uins.findUinByRid(trx, request.rid)) throw idRepoErrors.recordExists()
      const uin = await nextUin(this.deps.identifiers, trx)
      const uinRefId = randomUUID()
      const at = new Date()
      const row: UinRow = {
        uin_ref_id: uinRefId,
        uin: await crypto.encryptUin(uin, uinRefId),
        uin_hash: await crypto.uinHash(uin),
        uin_data: await crypto.encryptIdentity(request.identity, uinRefId),
        uin_data_hash: await crypto.identityHash(request.identity),
        reg_id: request.rid,
        bio_ref_id: request.bioRefId ?? null,
        status_code: 'ACTIVATED',
        lang_code: request.langCode ?? null,
        cr_by: actor,
        cr_dtimes: at,
        upd_by: null,
        upd_dtimes: null,
        is_deleted: false,
        del_dtimes: null,
      }
      await uins.insertUin(trx, row)
      await uins.saveDocuments(trx, uinRefId, request.documents, actor, at)
      await uins.saveBiometrics(trx, uinRefId, request.biometrics, actor, at)
      await recountChannels(trx, crypto, null, request.identity, actor, at)
      const profile = anonymousProfileOf(request.identity, request.documents, request.biometrics)
      await insertAnonymousProfile(trx, 'NEW', null, profile, actor, at)
      await recordChanges(trx, bus, [
        identityChange(audits.createIdentity, idRepoTopics.identityCreated, row, actor),
      ])
      if (consentKey) await enrolConsentKey(trx, uinRefId, consentKey, actor, at)
      const seq = await journal.record(trx, crypto, {
        row,
        action: 'create',
        params: { ...request, consentKey },
        consent: consent ?? { kind: 'packet', rid: request.rid },
        actor,
        at,
      })
      return [toRecord(row, uin, request.identity, request.documents, request.biometrics), seq]
    })
    await journal.acknowledged(seq)
    return record
  }

  async getByUin(uin: string, actor: string): Promise<IdentityRecord> {
    const checked = parse(uinSchema, uin, 'uin')
    const crypto = await this.deps.keyring.session()
    const row = await uins.findUinByHashes(this.deps.db, await crypto.uinLookupHashes(checked))
    if (!row) throw idRepoErrors.noRecordFound()
    return this.read(row, actor, audits.retrieveByUin)
  }

  async getByRid(rid: string, actor: string): Promise<IdentityRecord> {
    const row = await uins.findUinByRid(this.deps.db, parse(ridSchema, rid, 'rid'))
    if (!row) throw idRepoErrors.noRecordFound()
    return this.read(row, actor, audits.retrieveByRid)
  }

  /** Applies an update from a registration (UPDATE/RES_UPDATE) and keeps the old state in uin_h. */
  async update(uin: string, input: UpdateIdentityRequest, actor: string): Promise<IdentityRecord> {
    const { consent, consentKey, ...request } = parse(updateIdentityRequestSchema, input)
    const { bus, journal } = this.deps
    return this.withLockedUin(uin, async (trx, current, plainUin, crypto) => {
      const owner = await uins.findUinByRid(trx, request.rid)
      if (owner && owner.uin_ref_id !== current.uin_ref_id) throw idRepoErrors.recordExists()
      const at = uins.nextChangeTime(current)
      const before = await this.decrypt(current, crypto)
      const identity: Identity = { ...before, ...request.identity }
      const changes: IdRepoChange[] = []
      const next = await uins.updateUin(
        trx,
        current,
        {
          uin_data: await crypto.encryptIdentity(identity, current.uin_ref_id),
          uin_data_hash: await crypto.identityHash(identity),
          reg_id: request.rid,
          ...(request.bioRefId !== undefined && { bio_ref_id: request.bioRefId }),
          ...(request.status && { status_code: request.status }),
        },
        actor,
        at,
      )
      await uins.saveDocuments(trx, current.uin_ref_id, request.documents, actor, at)
      await uins.saveBiometrics(trx, current.uin_ref_id, request.biometrics, actor, at)
      await recountChannels(trx, crypto, before, identity, actor, at)
      const documents = await uins.listDocuments(trx, current.uin_ref_id)
      const biometrics = await uins.listBiometrics(trx, current.uin_ref_id)
      await insertAnonymousProfile(
        trx,
        'UPDATE',
        anonymousProfileOf(before, [], []),
        anonymousProfileOf(identity, documents, biometrics),
        actor,
        at,
      )
      changes.push(identityChange(audits.updateIdentity, idRepoTopics.identityUpdated, next, actor))
      if (request.status && request.status !== current.status_code)
        await this.followStatus(trx, current.status_code, next, actor, changes)
      await recordChanges(trx, bus, changes)
      if (consentKey) await enrolConsentKey(trx, current.uin_ref_id, consentKey, actor, at)
      const seq = await journal.record(trx, crypto, {
        row: next,
        action: 'update',
        params: { ...request, consentKey },
        consent: consent ?? { kind: 'packet', rid: request.rid },
        actor,
        at,
      })
      return { result: toRecord(next, plainUin, identity, documents, biometrics), seq }
    })
  }

  /** Activates, blocks or deactivates a UIN; deactivation deactivates its VIDs (and back). */
  async setStatus(
    uin: string,
    status: UinStatus,
    actor: string,
    consent: ConsentEvidence,
  ): Promise<{ status: UinStatus }> {
    const target = parse(z.enum(uinStatuses), status, 'status')
    return this.withLockedUin(uin, async (trx, current, _uin, crypto) => {
      if (current.status_code === target) return { result: { status: target }, seq: null }
      const changes: IdRepoChange[] = []
      const at = uins.nextChangeTime(current)
      const next = await uins.updateUin(trx, current, { status_code: target }, actor, at)
      await this.followStatus(trx, current.status_code, next, actor, changes)
      await recordChanges(trx, this.deps.bus, changes)
      const action = statusAction(target)
      const seq = await this.deps.journal.record(trx, crypto, {
        row: next,
        action,
        params: { status: target },
        consent,
        actor,
        at,
      })
      return { result: { status: target }, seq }
    })
  }

  /** Announces a status change already written to `next`, and moves the VIDs with it. */
  private async followStatus(
    trx: Transaction<object>,
    previous: string,
    next: UinRow,
    actor: string,
    changes: IdRepoChange[],
  ): Promise<void> {
    const status = next.status_code
    const topic =
      status === 'ACTIVATED' ? idRepoTopics.identityActivated : idRepoTopics.identityDeactivated
    const change = identityChange(audits.updateIdentity, topic, next, actor)
    changes.push({ ...change, description: `UIN status ${previous} -> ${status}` })
    // MOSIP: VIDs follow the UIN (deactivateVIDsForUIN / reactivateVIDsForUIN).
    const [from, to, audit] =
      status === 'ACTIVATED'
        ? (['DEACTIVATED', 'ACTIVE', audits.reactivateVids] as const)
        : (['ACTIVE', 'DEACTIVATED', audits.deactivateVids] as const)
    const moved = await moveVidStatuses(trx, next.uin_hash, from, to, actor)
    for (const vid of moved) {
      changes.push({
        audit,
        actor,
        refId: vid.id,
        refIdType: 'VID_ID',
        description: `VID ${from} -> ${to} with its UIN`,
        event: {
          topic: idRepoTopics.vidStatusUpdated,
          subject: vid.id,
          data: {
            vidId: vid.id,
            uinRefId: next.uin_ref_id,
            vidType: vid.vidtyp_code,
            status: to,
          },
        },
      })
    }
  }

  /** Runs a journalled change on the locked record; acknowledges once the log holds it. */
  private async withLockedUin<T>(
    uin: string,
    work: (
      trx: Transaction<object>,
      row: UinRow,
      uin: string,
      crypto: IdRepoCrypto,
    ) => Promise<{ result: T; seq: number | null }>,
  ): Promise<T> {
    const checked = parse(uinSchema, uin, 'uin')
    const crypto = await this.deps.keyring.session()
    const hashes = await crypto.uinLookupHashes(checked)
    await this.deps.journal.admit()
    const { result, seq } = await this.deps.db.transaction().execute(async (trx) => {
      const row = await uins.findUinByHashes(trx, hashes, true)
      if (!row) throw idRepoErrors.noRecordFound()
      return work(trx, row, checked, crypto)
    })
    if (seq !== null) await this.deps.journal.acknowledged(seq)
    return result
  }

  private async read(
    row: UinRow,
    actor: string,
    audit: IdRepoChange['audit'],
  ): Promise<IdentityRecord> {
    const crypto = await this.deps.keyring.session()
    const [uin, identity, documents, biometrics] = await Promise.all([
      crypto.decryptUin(row.uin, row.uin_ref_id),
      this.decrypt(row, crypto),
      uins.listDocuments(this.deps.db, row.uin_ref_id),
      uins.listBiometrics(this.deps.db, row.uin_ref_id),
    ])
    await this.deps.db.transaction().execute((trx) =>
      recordChanges(trx, this.deps.bus, [
        {
          audit,
          actor,
          refId: row.uin_ref_id,
          refIdType: 'UIN_REF_ID',
          description: 'Identity retrieved',
        },
      ]),
    )
    return toRecord(row, uin, identity, documents, biometrics)
  }

  /** Decrypts uin_data and checks it against uin_data_hash (a removed attribute fails). */
  async decrypt(row: UinRow, session?: IdRepoCrypto): Promise<Identity> {
    const crypto = session ?? (await this.deps.keyring.session())
    const identity = await crypto.decryptIdentity(row.uin_data, row.uin_ref_id)
    if (!(await crypto.identityHashMatches(identity, row.uin_data_hash)))
      throw idRepoErrors.identityHashMismatch(row.uin_ref_id)
    return identity
  }
}

export type { IdentityRecord } from './identity-record.js'
