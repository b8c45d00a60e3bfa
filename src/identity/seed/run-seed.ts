import { sql } from 'kysely'
import { createFieldCipher, type KeyStore } from '../../platform/crypto/index.js'
import type { Database, Db } from '../../platform/db/index.js'
import { createIdaHashers } from '../ida/index.js'
import type { IdRepoKeyring } from '../idrepo/index.js'
import { generateCountry } from './country.js'
import { addCountryRows, sealOperatorNames } from './country-rows.js'
import { apportion, kioskTimes, planDays } from './day-plan.js'
import { plantFraud } from './fraud-plants.js'
import { rebuildDeferredIndexes, withIndexesDeferred } from './deferred-indexes.js'
import { SeedIdentifiers } from './identity-rows.js'
import { createPrng } from './prng.js'
import { registerResident, type Capture } from './resident-life.js'
import { createSeedContext, type PersonalDataObserver } from './seed-context.js'
import { seedErrors } from './seed-errors.js'
import { silentProgress, type SeedProgress } from './seed-progress.js'
import { SeedSink } from './seed-sink.js'
import {
  seedOptionsSchema,
  windowStart,
  type SeedOptions,
  type SeedOptionsInput,
} from './seed-options.js'
import { seedTables, type SeedTableName } from './table-specs.js'

export interface SeedSummary {
  readonly residents: number
  readonly registrations: number
  readonly rows: Partial<Record<SeedTableName, number>>
}

/** What the empty-database check looks at: any of these rows means someone's data is there. */
export async function existingData(db: Db): Promise<string | null> {
  const { rows } = await sql<{ what: string | null }>`select case
      when exists (select 1 from regprc.registration) then 'registrations'
      when exists (select 1 from idrepo.uin) then 'identities'
      when exists (select 1 from master.registration_center) then 'registration centers'
      else null end as what`.execute(db)
  return rows[0]?.what ?? null
}

export interface SeedDeps {
  /** The database and its bulk load. */
  readonly database: Pick<Database, 'db' | 'copyIn'>
  readonly keyring: IdRepoKeyring
  /** The key store: the platform's field cipher (operators' names), IDA's keyed hashes. */
  readonly keys: KeyStore
  /** Sees every personal value the seed makes up, in plaintext (for tests). */
  readonly onPersonalData?: PersonalDataObserver
}

/**
 * Seeds an empty database with a synthetic country, deterministically from `seed`: master data,
 * then day by day the residents' registrations (and their later requests), the planted fraud
 * cases and the pre-registrations, written in bulk as each day ends. Refuses a database that
 * already holds registrations, identities or centers.
 */
export async function runSeed(
  deps: SeedDeps,
  input: SeedOptionsInput,
  progress: SeedProgress = silentProgress,
): Promise<SeedSummary> {
  const parsed = seedOptionsSchema.safeParse(input)
  if (!parsed.success)
    throw seedErrors.invalidOptions(
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    )
  const options = parsed.data
  const { db } = deps.database
  const indexProgress = (done: number, total: number) => progress.update('indexes', done, total)
  await rebuildDeferredIndexes(db, indexProgress)
  const existing = await existingData(db)
  if (existing) throw seedErrors.notEmpty(existing)
  const tables = Object.values(seedTables).map((spec) => spec.table)
  const summary = await withIndexesDeferred(
    db,
    tables,
    () => loadCountry(deps, options, progress),
    indexProgress,
  )
  // Fresh statistics, as after any bulk load: until autovacuum gets to them, the planner would
  // read the just-filled tables as empty and scan them whole.
  for (const table of tables) await sql`analyze ${sql.table(table)}`.execute(db)
  const { residents, registrations, rows } = summary
  progress.done(
    `${residents.toLocaleString('en')} residents, ${registrations.toLocaleString('en')} registrations, ${(rows.transaction ?? 0).toLocaleString('en')} transactions`,
  )
  return summary
}

/** Generates the country and writes it (into tables whose secondary indexes wait). */
async function loadCountry(
  deps: SeedDeps,
  options: SeedOptions,
  progress: SeedProgress,
): Promise<SeedSummary> {
  const { db } = deps.database

  const root = createPrng(`mosaic-seed:${options.seed}`)
  const country = generateCountry(root.fork('country'), options)
  const sink = new SeedSink(deps.database)
  const onPersonalData = deps.onPersonalData ?? (() => {})
  const operatorNames = await sealOperatorNames(
    country,
    createFieldCipher(deps.keys),
    onPersonalData,
  )
  addCountryRows(sink, country, root.fork('master'), options, operatorNames)
  await sink.flush(true)

  const days = planDays(country, windowStart(options), options.days)
  const context = createSeedContext({
    sink,
    prng: root.fork('registrations'),
    crypto: await deps.keyring.session(),
    // ID authentication's own hashers, so that it finds these transactions.
    auth: createIdaHashers(deps.keys),
    ids: new SeedIdentifiers(root.fork('identifiers'), await takenIdentifiers(db)),
    country,
    options,
    days,
    onPersonalData,
  })
  plantFraud({ ...context, prng: root.fork('fraud') })
  const popularity = new Map(country.centers.map((c) => [c.id, 0.6 + root.next() * 0.8]))
  const perDay = apportion(
    options.residents,
    days.map((d) => d.weight),
  )
  let done = 0
  let carry = 0
  for (const day of days) {
    const wanted = (perDay[day.index] ?? 0) + carry
    const shares = apportion(
      wanted,
      day.open.map((c) => c.kiosks * (popularity.get(c.id) ?? 1)),
    )
    const captures: Capture[] = []
    day.open.forEach((center, c) => {
      const staffed = center.officers
        .map((o, k) => ({ officer: o, kiosk: k }))
        .filter(({ officer }) => !officer.disabledFrom || officer.disabledFrom > day.date)
      let left = shares[c] ?? 0
      apportion(
        left,
        staffed.map(() => 1),
      ).forEach((count, s) => {
        const staff = staffed[s]
        if (!staff) return
        const times = kioskTimes(
          context.prng,
          center,
          day.date,
          count + (s === staffed.length - 1 ? 0 : 0),
          staff.officer.slowness,
        )
        left -= times.length
        for (const at of times) captures.push({ center, ...staff, at })
      })
    })
    carry = wanted - captures.length
    captures.sort((a, b) => a.at.getTime() - b.at.getTime())
    for (const capture of captures) {
      await registerResident(context, day, capture)
      // Generating never waits for I/O, so without a pause the batches being sent to the
      // database would only move when a day ends; pausing lets them stream meanwhile.
      if (++done % 64 === 0) await new Promise((resolve) => setImmediate(resolve))
    }
    for (const event of context.planted.get(day.index) ?? []) await event(context, day)
    await sink.flush()
    progress.update('residents', done, options.residents)
  }
  for (const doc of context.fakeDocuments)
    if (doc.uinRefIds.length >= 2)
      context.truth('fake-supporting-document', doc.hash, 'DOCUMENT_HASH', {
        category: 'POA',
        uinRefIds: doc.uinRefIds,
      })
  for (const [key, sequence] of context.sequences) {
    const [centerId, machineId] = key.split(':')
    sink.add('ridSeq', [
      centerId ?? '',
      machineId ?? '',
      sequence,
      'SYSTEM',
      options.until,
      null,
      null,
    ])
  }
  await sink.flush(true)
  // Centers and machines got explicit ids: move MOSIP's id sequences past them, so that the
  // next center or machine created through the admin API does not collide.
  await sql`select setval('master.rcid_seq', (select max(id::int) from master.registration_center)),
    setval('master.mid_seq', (select max(id::int) from master.machine_master))`.execute(db)
  const registrations = sink.count('registration')
  await sql`insert into seed.run (seed, residents, days, until_dtimes, registrations)
    values (${options.seed}, ${options.residents}, ${options.days}, ${options.until.toISOString()}::timestamptz at time zone 'UTC', ${registrations})`.execute(
    db,
  )
  const rows = Object.fromEntries(sink.counts) as Partial<Record<SeedTableName, number>>
  return { residents: done, registrations, rows }
}

/**
 * UINs and VIDs already in the kernel pools: a running server fills them in the background, so
 * a seed into its database must not draw the same numbers. An empty database has none, which
 * keeps a seed deterministic.
 */
async function takenIdentifiers(db: Db): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select uin as id from kernel.uin union all select vid from kernel.vid`.execute(db)
  return rows.map((row) => row.id)
}
