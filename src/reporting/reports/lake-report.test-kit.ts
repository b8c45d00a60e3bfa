import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { openSeedHarness, runSeed, type SeedHarness } from '../../identity/index.js'
import { migrate, type Backend, type Db } from '../../platform/db/index.js'
import { reportingHistory } from '../cdc/reporting.migrations.js'
import { WatermarkConnector, type CdcBatch } from '../cdc/watermark-connector.js'
import { collatedTables, collationCapturedTables } from '../collation/collation-datasets.js'
import { createCollationSink } from '../collation/collation-sink.js'
import { LakeReader } from '../lake/lake-reader.js'
import { LakeWriter } from '../lake/lake-writer.js'

/** The day the planted anonymous profiles are written on (outside the seed's window). */
export const profileDay = '2025-11-25'

/** A seeded country captured into a temporary lake, with centers and days worth testing. */
export interface ReportLake {
  readonly harness: SeedHarness
  readonly db: Db
  readonly writer: LakeWriter
  readonly reader: LakeReader
  /** Every batch the connector delivered, in order. */
  readonly batches: readonly CdcBatch[]
  readonly busyCenter: string
  readonly rejectingCenter: string
  /** A center of master data with no registration. */
  readonly idleCenter: string
  readonly busiestDay: string
  readonly failingDay: string
  close(): Promise<void>
}

async function one<T>(db: Db, query: ReturnType<typeof sql<T>>): Promise<T> {
  const { rows } = await query.execute(db)
  return rows[0] as T
}

/** Copies the busy center's eng row as (id, lang, name). */
const copyCenter = (busy: string, id: string, lang: string, name: string) => sql`
  insert into master.registration_center
    (id, name, location_code, zone_code, lang_code, is_active, cr_by, cr_dtimes)
  select ${id}, ${name}, location_code, zone_code, ${lang}, true, cr_by, cr_dtimes
  from master.registration_center where id = ${busy} and lang_code = 'eng'`

/**
 * Anonymous profiles whose year of birth and gender test every rule of uin-by-age-gender
 * (four-digit years only, later years, numbers, labels, spaces, other codes, UPDATE and soft
 * deletes left out), written on `profileDay`.
 */
async function plantProfiles(db: Db): Promise<void> {
  const profiles: [process: string, newProfile: unknown, deleted?: boolean][] = [
    ['NEW', { yearOfBirth: '1990', gender: 'Female' }],
    ['NEW', { yearOfBirth: 1950, gender: ' male ' }],
    ['NEW', { yearOfBirth: '2030', gender: 'others' }],
    ['NEW', { yearOfBirth: '1925', gender: 'FLE' }],
    ['NEW', { yearOfBirth: '2025', gender: '\tMLE' }],
    ['NEW', { yearOfBirth: '19x0', gender: '' }],
    ['NEW', { yearOfBirth: ' 1990', gender: null }],
    ['NEW', { gender: 'xyz' }],
    ['NEW', null],
    ['UPDATE', { yearOfBirth: '1990', gender: 'MLE' }],
    ['NEW', { yearOfBirth: '1990', gender: 'MLE' }, true],
  ]
  for (const [i, [processName, newProfile, deleted]] of profiles.entries()) {
    const profile = JSON.stringify({ processName, date: profileDay, newProfile })
    await sql`insert into idrepo.anonymous_profile (id, profile, cr_by, cr_dtimes, is_deleted)
      values (${`planted-${i}`}, ${profile}, 'test',
        cast(${`${profileDay} 10:00:0${i % 10}`} as timestamp), ${deleted === true})`.execute(db)
  }
}

/**
 * Seeds a country, adds what the seed lacks (a center with no registration, names in other
 * languages, edge-case profiles), captures everything into a temporary lake and compacts it.
 */
export async function openReportLake(backend: Backend): Promise<ReportLake> {
  const harness = await openSeedHarness(backend)
  const db = harness.database.db
  await runSeed(harness, { residents: 700, days: 30, seed: 'lake-report' })
  await migrate(db, [reportingHistory])
  const { center: busyCenter } = await one(
    db,
    sql<{ center: string }>`
    select substr(reg_id, 1, 5) as center from regprc.registration
    where substr(reg_id, 1, 5) <> '10000' group by 1 order by count(*) desc, 1 limit 1`,
  )
  const { center: rejectingCenter } = await one(
    db,
    sql<{ center: string }>`
    select substr(reg_id, 1, 5) as center from regprc.registration where status_code = 'REJECTED'
    group by 1 order by count(*) desc, 1 limit 1`,
  )
  const { day: busiestDay } = await one(
    db,
    sql<{ day: string }>`
    select to_char(pkt_cr_dtimes, 'YYYY-MM-DD') as day from regprc.registration
    group by 1 order by count(*) desc, 1 limit 1`,
  )
  const { day: failingDay } = await one(
    db,
    sql<{ day: string }>`
    select to_char(latest_trn_dtimes, 'YYYY-MM-DD') as day from regprc.registration
    where status_code = 'FAILED' group by 1 order by count(*) desc, 1 limit 1`,
  )
  // Every seeded center registers someone: open one that has registered nobody yet.
  const { center: idleCenter } = await one(
    db,
    sql<{ center: string }>`
    select (max(id::int) + 1)::text as center from master.registration_center`,
  )
  await copyCenter(busyCenter, idleCenter, 'eng', 'New Center').execute(db)
  // The busy center's eng name must win over an 'ara' row that sorts first; the virtual center
  // loses its eng row, so its 'ara' row (the first language) names it.
  await copyCenter(busyCenter, busyCenter, 'ara', 'Markaz').execute(db)
  await sql`delete from master.registration_center where id = '10000' and lang_code = 'eng'`.execute(
    db,
  )
  await copyCenter(busyCenter, '10000', 'fra', 'Centre virtuel').execute(db)
  await copyCenter(busyCenter, '10000', 'ara', 'Markaz iftiradi').execute(db)
  await plantProfiles(db)

  const dir = await mkdtemp(join(tmpdir(), 'mosaic-lake-report-'))
  const writer = await LakeWriter.open({ root: join(dir, 'lake') })
  const reader = await LakeReader.open({
    root: join(dir, 'lake'),
    datasets: collatedTables.map((t) => t.dataset),
  })
  const batches: CdcBatch[] = []
  const sink = createCollationSink({ writer })
  const cdc = await WatermarkConnector.open({
    source: { name: 'core', db },
    checkpointDb: db,
    tables: collationCapturedTables,
    batchSize: 5_000,
    async sink(batch) {
      await sink(batch)
      batches.push(batch)
    },
  })
  await cdc.pollOnce()
  await cdc.stop()
  // Compacted as a running lake would be (later appends then sit in files of their own).
  for (const { dataset } of collatedTables) {
    const files = await reader.files(dataset.name)
    const days = new Set(files.map((f) => /dt=(\d{4}-\d{2}-\d{2})/.exec(f)?.[1] ?? ''))
    for (const dt of days) await writer.compact(dataset, dt)
  }
  return {
    harness,
    db,
    writer,
    reader,
    batches,
    busyCenter,
    rejectingCenter,
    idleCenter,
    busiestDay,
    failingDay,
    async close() {
      await writer.close()
      await reader.close()
      await harness.database.drop()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** Whether a report's rows say something: a non-zero count, or any listed row. */
export function nonTrivial(rows: readonly Record<string, unknown>[]): boolean {
  return rows.some((row) =>
    Object.entries(row).some(
      ([key, value]) =>
        !['date', 'hours'].includes(key) && (typeof value !== 'number' || value > 0),
    ),
  )
}
