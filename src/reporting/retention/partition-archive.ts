import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, open, readFile, rename, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { detachPartition, listPartitions, partitionDir, removeDropped } from '../lake/lake-files.js'

/*
 * The archive: the lake's layout, one zstd Parquet file per partition and a manifest beside it.
 *
 *   <archiveRoot>/<dataset>/dt=YYYY-MM-DD/<dataset>-YYYY-MM-DD.parquet
 *   <archiveRoot>/<dataset>/dt=YYYY-MM-DD/_manifest.json     rows, bytes, sha256, source files
 *
 * Any engine reads it with the lake's glob (the manifest starts with `_`, so it is skipped).
 */

const manifestName = '_manifest.json'

const manifestSchema = z.object({
  dataset: z.string(),
  dt: z.string(),
  file: z.string(),
  rows: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  compression: z.string(),
  /** The lake files the archive was copied from (the lake copy is dropped only if unchanged). */
  sourceFiles: z.array(z.string()),
  archivedAt: z.string(),
})

/** What an archived partition holds, written after its file. */
export type ArchiveManifest = z.infer<typeof manifestSchema>

/** The directory of an archived partition. */
export function archiveDir(archiveRoot: string, dataset: string, dt: string): string {
  return partitionDir(archiveRoot, dataset, dt)
}

/** The archive file of a partition. */
export function archiveFile(archiveRoot: string, dataset: string, dt: string): string {
  return join(archiveDir(archiveRoot, dataset, dt), `${dataset}-${dt}.parquet`)
}

/** SHA-256 of a file, hex. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** Reads a partition's manifest; null if there is none (or it is unreadable: never finished). */
export async function readManifest(
  archiveRoot: string,
  dataset: string,
  dt: string,
): Promise<ArchiveManifest | null> {
  try {
    const text = await readFile(join(archiveDir(archiveRoot, dataset, dt), manifestName), 'utf8')
    const parsed = manifestSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** Writes a manifest atomically (temporary name, fsync, rename). */
export async function writeManifest(archiveRoot: string, manifest: ArchiveManifest): Promise<void> {
  const dir = archiveDir(archiveRoot, manifest.dataset, manifest.dt)
  await mkdir(dir, { recursive: true })
  const temp = join(dir, `.${manifestName}.tmp`)
  const handle = await open(temp, 'w')
  try {
    await handle.writeFile(JSON.stringify(manifest, null, 2))
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(temp, join(dir, manifestName))
}

/**
 * Whether the archive file is intact: it exists with the manifest's size and sha256. Returns
 * the reason it is not, or null.
 */
export async function archiveProblem(
  archiveRoot: string,
  manifest: ArchiveManifest,
): Promise<string | null> {
  const path = join(archiveDir(archiveRoot, manifest.dataset, manifest.dt), manifest.file)
  try {
    if ((await stat(path)).size !== manifest.bytes) return 'size differs from the manifest'
  } catch {
    return 'archive file missing'
  }
  return (await sha256File(path)) === manifest.sha256 ? null : 'sha256 differs from the manifest'
}

/** The archived partitions of a dataset that have a manifest, in dt order. */
export async function archivedPartitions(
  archiveRoot: string,
  dataset: string,
): Promise<ArchiveManifest[]> {
  const found: ArchiveManifest[] = []
  for (const dt of await listPartitions(archiveRoot, dataset)) {
    const manifest = await readManifest(archiveRoot, dataset, dt)
    if (manifest !== null) found.push(manifest)
  }
  return found
}

/**
 * Removes an archived partition in one step for readers (a LakeReader may read the archive):
 * the directory is renamed to a hidden name, then deleted; `recoverLake(archiveRoot)` removes
 * what a crash left.
 */
export async function removeArchived(
  archiveRoot: string,
  dataset: string,
  dt: string,
): Promise<void> {
  const hidden = await detachPartition(archiveRoot, dataset, dt)
  if (hidden !== null) await removeDropped(hidden)
}
