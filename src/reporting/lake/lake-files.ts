import { randomBytes } from 'node:crypto'
import { mkdir, open, readFile, readdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { writeFileDurably } from '../../platform/durable-file.js'

/**
 * The lake's file layout and its crash rules (Hive layout, readable by any engine):
 *
 *   <root>/<dataset>/dt=YYYY-MM-DD/part-<id>.parquet         a live data file
 *   <root>/<dataset>/dt=YYYY-MM-DD/.part-<id>.parquet.tmp    being written (hidden, not *.parquet)
 *   <root>/<dataset>/dt=YYYY-MM-DD/_compaction-<id>.json     a compaction's journal
 *
 * Every file is written under a hidden temporary name, fsynced, renamed into place and the
 * directory fsynced, so a live name always holds a complete file. A compaction first writes
 * its journal (output and inputs), then renames its output into place (the commit point),
 * then deletes the inputs and last the journal. While a journal's output exists, its inputs
 * are superseded: Mosaic's reader skips them, and recovery deletes them.
 *
 *   <root>/<dataset>/.dropped-dt=YYYY-MM-DD-<id>/            a partition being deleted
 *
 * A partition is deleted by renaming its directory to a hidden name (one atomic step: a reader
 * sees all of it or none of it) and then removing that directory; recovery removes leftovers.
 */

const dataFile = /^part-[0-9A-Za-z-]+\.parquet$/
const journalFile = /^_compaction-[0-9A-Za-z-]+\.json$/
const tempFile = /^\..+\.tmp$/
const droppedDir = /^\.dropped-dt=\d{4}-\d{2}-\d{2}-[0-9A-Za-z-]+$/

/** The directory of one partition. */
export function partitionDir(root: string, dataset: string, dt: string): string {
  return join(root, dataset, `dt=${dt}`)
}

/** A new file id: sortable by creation time, unique without coordination. */
export function newFileId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:.]/g, '')
  return `${stamp}-${randomBytes(4).toString('hex')}`
}

/** The live name of a data file. */
export function dataFileName(id: string): string {
  return `part-${id}.parquet`
}

/** The hidden name a file is written under before it is renamed into place. */
export function tempName(finalName: string): string {
  return `.${finalName}.tmp`
}

const journalSchema = z.object({
  output: z.string().regex(dataFile),
  inputs: z.array(z.string().regex(dataFile)),
  rows: z.number().int().nonnegative(),
})

/** What a compaction intends: merge `inputs` into `output` (`rows` rows). */
export type CompactionJournal = z.infer<typeof journalSchema>

/** The journal's file name for a compaction whose output is `output`. */
export function journalName(output: string): string {
  return `_compaction-${output.slice('part-'.length, -'.parquet'.length)}.json`
}

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Makes a file written at `dir/tempName(name)` live as `dir/name`: fsync the file, rename,
 * fsync the directory (so the rename survives a power cut).
 */
export async function publish(dir: string, name: string): Promise<void> {
  await fsyncPath(join(dir, tempName(name)))
  await rename(join(dir, tempName(name)), join(dir, name))
  await fsyncPath(dir)
}

/** Writes a compaction journal atomically. */
export async function writeJournal(dir: string, journal: CompactionJournal): Promise<string> {
  const name = journalName(journal.output)
  await mkdir(dir, { recursive: true })
  await writeFileDurably(join(dir, name), JSON.stringify(journal), 0o666)
  return name
}

async function entries(dir: string): Promise<string[]> {
  try {
    return await readdir(dir)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return []
    throw error
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}

/** The partition dates of a dataset that have a directory, in order. */
export async function listPartitions(root: string, dataset: string): Promise<string[]> {
  const dates = (await entries(join(root, dataset)))
    .map((name) => /^dt=(\d{4}-\d{2}-\d{2})$/.exec(name)?.[1])
    .filter((dt): dt is string => dt !== undefined)
  return dates.sort()
}

async function readJournals(dir: string, names: readonly string[]): Promise<CompactionJournal[]> {
  const journals: CompactionJournal[] = []
  for (const name of names.filter((n) => journalFile.test(n))) {
    try {
      journals.push(journalSchema.parse(JSON.parse(await readFile(join(dir, name), 'utf8'))))
    } catch (error) {
      // Deleted since the listing (its compaction finished): its inputs are gone too.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
  }
  return journals
}

/**
 * The live data files of a partition, as names. The directory is listed before the journals
 * are read: an output seen in the listing was renamed after its journal was written, and the
 * journal is deleted only after the inputs, so a listed output is always matched with its
 * journal unless the inputs are already gone (then they fail to open and the reader retries).
 */
export async function liveFiles(dir: string): Promise<string[]> {
  const names = await entries(dir)
  const data = new Set(names.filter((n) => dataFile.test(n)))
  for (const journal of await readJournals(dir, names)) {
    if (data.has(journal.output)) for (const input of journal.inputs) data.delete(input)
  }
  return [...data].sort()
}

/** The data files of an archive partition: visible `*.parquet` names (no temporary files). */
export async function archiveDataFiles(dir: string): Promise<string[]> {
  return (await entries(dir)).filter((n) => /^[^._].*\.parquet$/.test(n)).sort()
}

/** What recovery did in one partition. */
export interface RecoveryResult {
  /** Inputs of committed compactions deleted. */
  readonly supersededDeleted: number
  /** Journals of compactions that never committed, and temporary files, deleted. */
  readonly abandonedDeleted: number
}

/**
 * Finishes or abandons what a crash interrupted in one partition: a journal whose output is
 * live has its remaining inputs deleted (the compaction committed); a journal whose output is
 * not live is dropped (the inputs are still the data). Temporary files are deleted. Assumes
 * no other writer works in this partition (one writer per lake).
 */
export async function recoverPartition(dir: string): Promise<RecoveryResult> {
  const names = await entries(dir)
  let supersededDeleted = 0
  let abandonedDeleted = 0
  for (const journal of await readJournals(dir, names)) {
    if (await exists(join(dir, journal.output))) {
      for (const input of journal.inputs) {
        if (await exists(join(dir, input))) {
          await rm(join(dir, input), { force: true })
          supersededDeleted++
        }
      }
    } else {
      abandonedDeleted++
    }
    await rm(join(dir, journalName(journal.output)), { force: true })
  }
  for (const name of names.filter((n) => tempFile.test(n))) {
    await rm(join(dir, name), { force: true })
    abandonedDeleted++
  }
  if (supersededDeleted + abandonedDeleted > 0) await fsyncPath(dir)
  return { supersededDeleted, abandonedDeleted }
}

/**
 * Takes a partition out of sight in one step: renames `dt=…` to a hidden `.dropped-dt=…-<id>`
 * and fsyncs the dataset directory. Returns the hidden path, or null if there was no partition.
 * Call `removeDropped` next; recovery removes it if the process stops before.
 */
export async function detachPartition(
  root: string,
  dataset: string,
  dt: string,
): Promise<string | null> {
  const dir = partitionDir(root, dataset, dt)
  if (!(await exists(dir))) return null
  const hidden = join(root, dataset, `.dropped-dt=${dt}-${newFileId()}`)
  await rename(dir, hidden)
  await fsyncPath(join(root, dataset))
  return hidden
}

/** Deletes a directory `detachPartition` returned. */
export async function removeDropped(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true })
}

/** The size in bytes of each named file of `dir`. */
export async function fileSizes(dir: string, names: readonly string[]): Promise<number[]> {
  return Promise.all(names.map(async (name) => (await stat(join(dir, name))).size))
}

/** Runs recovery over every partition of every dataset directory under `root`. */
export async function recoverLake(root: string): Promise<RecoveryResult> {
  let supersededDeleted = 0
  let abandonedDeleted = 0
  for (const dataset of await entries(root)) {
    for (const name of (await entries(join(root, dataset))).filter((n) => droppedDir.test(n))) {
      await removeDropped(join(root, dataset, name))
      abandonedDeleted++
    }
    for (const dt of await listPartitions(root, dataset)) {
      const result = await recoverPartition(partitionDir(root, dataset, dt))
      supersededDeleted += result.supersededDeleted
      abandonedDeleted += result.abandonedDeleted
    }
  }
  return { supersededDeleted, abandonedDeleted }
}

/** A path as a SQL string literal. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`
}

/** A name as a SQL identifier. */
export function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

/** DuckDB expands globs in every path it reads, so a lake root must not contain glob syntax. */
export function assertPlainRoot(root: string): boolean {
  return !/[*?[\]{}]/.test(root)
}

/**
 * Writes one file that supersedes `inputs` in a partition, the way compaction and partition
 * replacement both do: `write` fills a hidden temp file and returns its row count, a journal
 * naming the file and its inputs is written, the rename of the file commits, and recovery
 * removes the inputs and the journal. A failure before the commit leaves the partition as it
 * was; `describe` turns it into the caller's error. Returns the new file's name and rows.
 */
export async function commitSupersedingFile(
  dir: string,
  inputs: readonly string[],
  write: (tempPath: string) => Promise<number>,
  describe: (error: unknown) => Error,
): Promise<{ output: string; rows: number }> {
  const output = dataFileName(newFileId())
  const temp = join(dir, tempName(output))
  let rows: number
  try {
    await mkdir(dir, { recursive: true })
    rows = await write(temp)
    await writeJournal(dir, { output, inputs: [...inputs], rows })
  } catch (error) {
    await rm(temp, { force: true })
    throw describe(error)
  }
  await publish(dir, output)
  await recoverPartition(dir)
  return { output, rows }
}
