import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import type { Db } from '../../../platform/db/index.js'
import type { CapturedTable } from '../captured-table.js'
import { logicalErrors } from './logical-errors.js'
import { ReplicationConnection } from './replication-connection.js'

/** The publication and slot a source streams through. */
export interface ReplicationNames {
  readonly slot: string
  readonly publication: string
}

/**
 * Names derived from the source name: `mosaic_cdc_<name>_<hash>`, lower-case, at most 63
 * characters (PostgreSQL's limit), distinct for distinct sources even when the readable part
 * is cut or folds `.`, `:` and `-` to `_`.
 */
export function replicationNames(source: string): ReplicationNames {
  const readable = source
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 40)
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 8)
  const name = `mosaic_cdc_${readable}_${hash}`
  return { slot: name, publication: name }
}

/** Whether the source allows logical replication for this role, and why not. */
export interface ReplicationSupport {
  readonly allowed: boolean
  readonly reason: string
  /** `server_version_num`, e.g. 150010; column lists need 150000. */
  readonly serverVersion: number
}

/** Reads `wal_level`, the role's REPLICATION attribute (or superuser) and free slots. */
export async function checkReplicationSupport(db: Db): Promise<ReplicationSupport> {
  const setting = async (name: string): Promise<string> => {
    const { rows } = await sql<{ value: string }>`
      select current_setting(${name}) as value`.execute(db)
    return rows[0]?.value ?? ''
  }
  const serverVersion = Number(await setting('server_version_num'))
  const walLevel = await setting('wal_level')
  if (walLevel !== 'logical') {
    return { allowed: false, reason: `wal_level is ${walLevel}, not logical`, serverVersion }
  }
  const { rows } = await sql<{ may: boolean }>`
    select rolreplication or rolsuper as may from pg_roles where rolname = current_user`.execute(db)
  if (rows[0]?.may !== true) {
    return {
      allowed: false,
      reason: 'the role has neither the REPLICATION attribute nor superuser',
      serverVersion,
    }
  }
  if (Number(await setting('max_replication_slots')) < 1) {
    return { allowed: false, reason: 'max_replication_slots is 0', serverVersion }
  }
  return { allowed: true, reason: 'wal_level is logical and the role may replicate', serverVersion }
}

/**
 * Creates the publication, or aligns an existing one with `tables`. On PostgreSQL 15+ it lists
 * only the captured columns, so personal columns never leave the server; before 15 whole rows
 * are published and the connector drops the other columns on receipt. Inserts, updates and
 * deletes only: TRUNCATE is not published (it is no row change). Resolves to what it did: an
 * altered table list publishes rows from then on only, so the caller takes a new snapshot.
 */
export async function ensurePublication(
  db: Db,
  name: string,
  tables: readonly CapturedTable[],
  serverVersion: number,
): Promise<'created' | 'altered' | 'unchanged'> {
  const columnLists = serverVersion >= 150000
  const wanted = new Map(
    tables.map((t) => [t.name, columnLists ? [...t.columns].sort().join(',') : '*']),
  )
  const { rows: existing } = await sql<{ exact: boolean }>`
    select pubinsert and pubupdate and pubdelete and not pubtruncate as exact
    from pg_publication where pubname = ${name}`.execute(db)
  const tableList = sql.join(
    tables.map((t) =>
      columnLists
        ? sql`${sql.table(t.name)} (${sql.join(t.columns.map((c) => sql.ref(c)))})`
        : sql`${sql.table(t.name)}`,
    ),
  )
  const current = existing[0]
  if (current === undefined) {
    await sql`create publication ${sql.id(name)} for table ${tableList}
      with (publish = 'insert, update, delete')`.execute(db)
    return 'created'
  }
  const published = await sql<{ name: string; columns: string }>`
    select schemaname || '.' || tablename as name,
      ${columnLists ? sql`array_to_string(array(select unnest(attnames) order by 1), ',')` : sql`'*'`} as columns
    from pg_publication_tables where pubname = ${name}`.execute(db)
  const same =
    published.rows.length === wanted.size &&
    published.rows.every((r) => wanted.get(r.name) === r.columns)
  if (!same) await sql`alter publication ${sql.id(name)} set table ${tableList}`.execute(db)
  if (!current.exact) {
    await sql`alter publication ${sql.id(name)} set (publish = 'insert, update, delete')`.execute(
      db,
    )
  }
  return same ? 'unchanged' : 'altered'
}

/**
 * Checks the source (MOS-RPT-111 if it does not allow logical replication), creates or aligns
 * the publication and creates the slot if missing. `needsSnapshot`: the slot is new, or the
 * published tables changed, so rows that exist now would not come through the stream.
 */
export async function prepareReplication(
  db: Db,
  url: string,
  names: ReplicationNames,
  tables: readonly CapturedTable[],
): Promise<{ slotCreated: boolean; needsSnapshot: boolean }> {
  const support = await checkReplicationSupport(db)
  if (!support.allowed) throw logicalErrors.notAllowed(support.reason)
  const publication = await ensurePublication(db, names.publication, tables, support.serverVersion)
  const connection = await ReplicationConnection.open(url)
  try {
    const slotCreated = await connection.ensureSlot(names.slot)
    return { slotCreated, needsSnapshot: slotCreated || publication === 'altered' }
  } finally {
    await connection.close()
  }
}

/**
 * Removes a source's slot and publication, for a source no longer read: an abandoned slot
 * keeps every WAL segment from its position on, and fills the source's disk.
 */
export async function dropReplication(db: Db, names: ReplicationNames): Promise<void> {
  await sql`select pg_drop_replication_slot(slot_name) from pg_replication_slots
    where slot_name = ${names.slot}`.execute(db)
  await sql`drop publication if exists ${sql.id(names.publication)}`.execute(db)
}
