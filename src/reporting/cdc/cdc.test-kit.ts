import { sql } from 'kysely'
import { identityModule } from '../../identity/index.js'
import type { Backend, Db } from '../../platform/db/index.js'
import { createTestDatabase, type TestDatabase } from '../../platform/db/test-database.js'
import type { CdcBatch, CdcSink } from './watermark-connector.js'
import { reportingHistory } from './reporting.migrations.js'

/** A database with MOSIP's schemas (the identity core's migrations) and, if asked, `reporting`. */
export function createCdcDatabase(backend: Backend, withReporting = true): Promise<TestDatabase> {
  return createTestDatabase(backend, [
    ...identityModule.migrations,
    ...(withReporting ? [reportingHistory] : []),
  ])
}

const base = Date.parse('2025-12-01T08:00:00Z')

/** The timestamp `seconds` after 2025-12-01 08:00 UTC, as a `timestamp` literal. */
export function at(seconds: number): string {
  return new Date(base + seconds * 1000).toISOString().slice(0, 23)
}

/** The change time the connector reports for `at(seconds)`. */
export function changeTimeAt(seconds: number): string {
  return `${at(seconds)}000`
}

/** Inserts a registration created at `created` seconds (and updated at `updated`, if given). */
export async function insertRegistration(
  db: Db,
  id: string,
  created: number | string,
  updated?: number,
): Promise<void> {
  const createdAt = typeof created === 'string' ? created : at(created)
  await sql`insert into regprc.registration (workflow_instance_id, reg_id, process, status_code,
      lang_code, is_active, cr_by, cr_dtimes, upd_dtimes)
    values (${id}, ${`10001100010000${id.padStart(15, '0')}`.slice(0, 29)}, 'NEW', 'PROCESSING',
      'eng', true, 'SYSTEM', cast(${createdAt} as timestamp),
      cast(${updated === undefined ? null : at(updated)} as timestamp))`.execute(db)
}

/** Sets a registration's status and upd_dtimes, as a stage does. */
export async function updateRegistration(db: Db, id: string, updated: number): Promise<void> {
  await sql`update regprc.registration set status_code = 'PROCESSED', upd_by = 'SYSTEM',
    upd_dtimes = cast(${at(updated)} as timestamp) where workflow_instance_id = ${id}`.execute(db)
}

/** Inserts `count` registrations `r001`… created one second apart from second 0. */
export async function insertRegistrations(db: Db, count: number, from = 0): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const id = `r${String(from + i).padStart(3, '0')}`
    await insertRegistration(db, id, from + i)
    ids.push(id)
  }
  return ids
}

/** A center in two languages; `contact_person` and `contact_phone` must never be captured. */
export async function insertCenter(db: Db, id: string, created: number): Promise<void> {
  for (const lang of ['eng', 'fra']) {
    await sql`insert into master.registration_center (id, name, location_code, zone_code,
        lang_code, is_active, contact_person, contact_phone, cr_by, cr_dtimes)
      values (${id}, ${`Center ${id} ${lang}`}, '14022', 'RBT', ${lang}, true,
        'PERSONAL-NAME', '+212600000000', 'admin', cast(${at(created)} as timestamp))`.execute(db)
  }
}

/** An identity record whose personal columns hold recognisable markers. */
export async function insertUin(db: Db, refId: string, created: number): Promise<void> {
  await sql`insert into idrepo.uin (uin_ref_id, uin, uin_hash, uin_data, uin_data_hash, reg_id,
      bio_ref_id, status_code, lang_code, cr_by, cr_dtimes)
    values (${refId}, ${`PERSONAL-UIN-${refId}`}, ${`PERSONAL-HASH-${refId}`},
      ${Buffer.from('PERSONAL-DATA')}, 'PERSONAL-DATA-HASH', ${`rid-${refId}`}, 'PERSONAL-BIO',
      'ACTIVATED', 'eng', 'SYSTEM', cast(${at(created)} as timestamp))`.execute(db)
}

/** An audit entry logged at `logged` seconds. */
export async function insertAuditEntry(db: Db, id: string, logged: number): Promise<void> {
  await sql`insert into audit.app_audit_log (log_id, log_dtimes, log_desc, event_id, event_type,
      event_name, action_dtimes, host_name, host_ip, session_user_id, session_user_name, app_id,
      app_name, cr_by)
    values (${id}, cast(${at(logged)} as timestamp), 'PERSONAL-DESC', 'RPR_402', 'BUSINESS',
      'UPDATE', cast(${at(logged)} as timestamp), 'host', '127.0.0.1', 'SYSTEM', 'PERSONAL-NAME',
      'MOSIP_4', 'REGISTRATION_PROCESSOR', 'SYSTEM')`.execute(db)
}

/** A sink that records every batch; `failOn` makes the n-th call (1-based) throw. */
export function recordingSink(failOn?: number): {
  sink: CdcSink
  batches: CdcBatch[]
  keys: () => string[]
} {
  const batches: CdcBatch[] = []
  let calls = 0
  return {
    batches,
    keys: () => batches.flatMap((b) => b.changes.map((c) => c.key)),
    async sink(batch) {
      calls += 1
      if (calls === failOn) throw new Error('sink down')
      batches.push(batch)
    },
  }
}
