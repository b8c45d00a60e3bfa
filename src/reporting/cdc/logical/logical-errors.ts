import { cdc as logical } from '../cdc-errors.js'

/** Errors of CDC by logical replication. None carries row data. */
export const logicalErrors = {
  notAllowed: (reason: string) =>
    logical(
      'MOS-RPT-111',
      `Logical replication is not available on the source: ${reason}`,
      'Set wal_level=logical and grant the REPLICATION attribute, or use the watermark connector.',
    ),
  protocol: (detail: string) =>
    logical(
      'MOS-RPT-112',
      `Unexpected data on the replication stream: ${detail}`,
      'Check that the source is PostgreSQL 10 or later with the pgoutput plugin; restart the connector.',
    ),
  truncate: (tables: string) =>
    logical(
      'MOS-RPT-113',
      `The source truncated ${tables}; TRUNCATE cannot be captured as row changes`,
      'Remove truncate from the publication, delete the connector checkpoint and its slot, and restart (it takes a new snapshot).',
    ),
  slotBusy: (slot: string, cause: unknown) =>
    logical(
      'MOS-RPT-114',
      `The replication slot ${slot} is in use by another connection`,
      'Run one connector per source; stop the other one or wait for its connection to end.',
      cause,
    ),
  replication: (detail: string, cause?: unknown) =>
    logical(
      'MOS-RPT-115',
      `The replication connection failed: ${detail}`,
      'Check the source is reachable and the role may replicate; the connector resumes from its checkpoint.',
      cause,
    ),
  unknownColumn: (table: string, column: string) =>
    logical(
      'MOS-RPT-116',
      `The replication stream of ${table} lacks the captured column ${column}`,
      'Add the column to the publication (the connector does so on open) or remove it from the captured table.',
    ),
  foreignSlot: (slot: string) =>
    logical(
      'MOS-RPT-118',
      `The replication slot ${slot} belongs to another database or plugin`,
      'Give each source a distinct name (slot names are per server), or drop the stale slot.',
    ),
  checkpointConflict: (source: string) =>
    logical(
      'MOS-RPT-117',
      `The replication checkpoint of ${source} was moved by another connector`,
      'Run one connector per source; restart this one to resume from the stored checkpoint.',
    ),
}
