import type { Transaction } from 'kysely'
import { AppError } from '../../platform/errors.js'
import { idRepoErrors } from './errors.js'
import type { IdentifierSource } from './identifier-source.js'
import type { BiometricRef, DocumentRef, Identity } from './identity-data.js'
import type { IdRepoChange } from './idrepo-events.js'
import type { UinRow } from './idrepo.tables.js'

/** A decrypted identity record: for the registration processor, IDA and resident services. */
export interface IdentityRecord {
  readonly uinRefId: string
  readonly uin: string
  readonly rid: string
  readonly status: string
  readonly langCode: string | null
  readonly bioRefId: string | null
  readonly identity: Identity
  readonly documents: DocumentRef[]
  readonly biometrics: BiometricRef[]
  readonly createdAt: Date
  readonly updatedAt: Date | null
}

export async function nextUin(
  identifiers: IdentifierSource,
  trx: Transaction<object>,
): Promise<string> {
  try {
    return await identifiers.nextUin(trx)
  } catch (error) {
    throw error instanceof AppError ? error : idRepoErrors.uinGenerationFailed(error)
  }
}

export function identityChange(
  audit: IdRepoChange['audit'],
  topic: string,
  row: UinRow,
  actor: string,
): IdRepoChange {
  return {
    audit,
    actor,
    refId: row.uin_ref_id,
    refIdType: 'UIN_REF_ID',
    description: `${audit.name} for registration ${row.reg_id}`,
    event: {
      topic,
      subject: row.uin_ref_id,
      data: { uinRefId: row.uin_ref_id, rid: row.reg_id, status: row.status_code },
    },
  }
}

export function toRecord(
  row: UinRow,
  uin: string,
  identity: Identity,
  documents: DocumentRef[],
  biometrics: BiometricRef[],
): IdentityRecord {
  return {
    uinRefId: row.uin_ref_id,
    uin,
    rid: row.reg_id,
    status: row.status_code,
    langCode: row.lang_code,
    bioRefId: row.bio_ref_id,
    identity,
    documents,
    biometrics,
    createdAt: row.cr_dtimes,
    updatedAt: row.upd_dtimes,
  }
}
