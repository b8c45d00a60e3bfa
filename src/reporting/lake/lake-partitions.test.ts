import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defineLakeDataset, type LakeRow } from './lake-dataset.js'
import { partitionDir, tempName, writeJournal } from './lake-files.js'
import { LakeReader } from './lake-reader.js'
import { LakeWriter } from './lake-writer.js'

const counts = defineLakeDataset({
  name: 'counts',
  columns: [
    { name: 'k', type: 'VARCHAR', nullable: false },
    { name: 'n', type: 'BIGINT', nullable: false },
  ],
})
const dt = '2024-05-01'
const row = (k: string, n: number, day = dt): LakeRow => ({ k, n, dt: day })

let base: string
let root: string
let writer: LakeWriter
let reader: LakeReader

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'mosaic-lake-parts-'))
  root = join(base, 'lake')
  writer = await LakeWriter.open({ root })
  reader = await LakeReader.open({ root, datasets: [counts] })
})

afterEach(async () => {
  await writer.close()
  await reader.close()
  await rm(base, { recursive: true, force: true })
})

const read = () => reader.query('SELECT k, n, dt FROM counts ORDER BY dt, k')

describe('LakeWriter.replacePartition', () => {
  it('replaces one partition whole and leaves the others', async () => {
    await writer.append(counts, [row('a', 1), row('b', 2), row('a', 9, '2024-05-02')])
    await writer.append(counts, [row('c', 3)])
    const result = await writer.replacePartition(counts, dt, [row('a', 10), row('z', 26)])
    expect(result.replaced).toHaveLength(2)
    expect(await readdir(partitionDir(root, 'counts', dt))).toEqual([result.output])
    expect(await read()).toEqual([row('a', 10), row('z', 26), row('a', 9, '2024-05-02')])
  })

  it('deletes the partition when given no rows, and refuses rows of another day', async () => {
    await writer.append(counts, [row('a', 1), row('b', 1, '2024-05-02')])
    await expect(writer.replacePartition(counts, dt, [row('x', 1, '2024-05-02')])).rejects.toThrow(
      /MOS-LAKE-003|every row/,
    )
    const result = await writer.replacePartition(counts, dt, [])
    expect(result.output).toBeNull()
    expect(await readdir(join(root, 'counts'))).toEqual(['dt=2024-05-02'])
    expect(await read()).toEqual([row('b', 1, '2024-05-02')])
  })

  it('shows old or new rows at each point a crash can stop it, and recovers', async () => {
    await writer.append(counts, [row('a', 1)])
    await writer.append(counts, [row('b', 2)])
    const dir = partitionDir(root, 'counts', dt)
    const old = (await readdir(dir)).sort()
    // A finished replacement elsewhere gives a real new file to stage crash states with.
    const other = partitionDir(root, 'counts', '2024-05-09')
    await writer.replacePartition(counts, '2024-05-09', [row('q', 5, '2024-05-09')])
    const [made] = await readdir(other)
    const saved = join(base, 'saved.parquet')
    await copyFile(join(other, made!), saved)
    // Crashed after writing the new file and its journal, before the commit rename.
    await copyFile(saved, join(dir, tempName(made!)))
    await writeJournal(dir, { output: made!, inputs: old, rows: 1 })
    const atDt = () => reader.query('SELECT k FROM counts WHERE dt = ?::DATE ORDER BY k', [dt])
    expect(await atDt()).toEqual([{ k: 'a' }, { k: 'b' }])
    await writer.close()
    writer = await LakeWriter.open({ root })
    expect((await readdir(dir)).sort()).toEqual(old)
    // Crashed after the commit rename, before the old files were deleted.
    await writeJournal(dir, { output: made!, inputs: old, rows: 1 })
    await copyFile(saved, join(dir, made!))
    expect(await atDt()).toEqual([{ k: 'q' }])
    await writer.close()
    writer = await LakeWriter.open({ root })
    expect(await atDt()).toEqual([{ k: 'q' }])
    expect(await readdir(dir)).toEqual([made])
  })
})

describe('LakeWriter partitions, exportPartition and dropPartition', () => {
  it('lists partitions with files, rows and bytes', async () => {
    await writer.append(counts, [row('a', 1), row('b', 2), row('c', 3, '2024-05-03')])
    await writer.append(counts, [row('d', 4)])
    const parts = await writer.partitions('counts')
    expect(parts.map((p) => [p.dt, p.files.length, p.rows])).toEqual([
      [dt, 2, 3],
      ['2024-05-03', 1, 1],
    ])
    expect(parts.every((p) => p.bytes > 0)).toBe(true)
    expect(await writer.partitions('missing')).toEqual([])
  })

  it('exports a partition to one zstd file outside the lake, then drops it in one step', async () => {
    await writer.append(counts, [row('a', 1), row('b', 2)])
    await writer.append(counts, [row('c', 3), row('a', 1, '2024-05-02')])
    const target = join(base, 'archive', 'counts', `dt=${dt}`, 'counts.parquet')
    const exported = await writer.exportPartition('counts', dt, target)
    expect(exported.rows).toBe(3)
    expect(exported.bytes).toBeGreaterThan(0)
    expect(await readdir(join(base, 'archive', 'counts', `dt=${dt}`))).toEqual(['counts.parquet'])

    await writer.append(counts, [row('late', 7)])
    await expect(
      writer.dropPartition('counts', dt, { expectedFiles: exported.files }),
    ).rejects.toMatchObject({ code: 'MOS-LAKE-007' })
    expect(await reader.query('SELECT count(*) AS n FROM counts WHERE dt = ?::DATE', [dt])).toEqual(
      [{ n: 4 }],
    )
    const dropped = await writer.dropPartition('counts', dt)
    expect(dropped).toHaveLength(3)
    expect(await readdir(join(root, 'counts'))).toEqual(['dt=2024-05-02'])
    expect(await writer.dropPartition('counts', dt)).toEqual([])
  })

  it('removes a partition left half-deleted by a crash when the writer next opens', async () => {
    await writer.append(counts, [row('a', 1)])
    const hidden = join(root, 'counts', `.dropped-dt=${dt}-20240501T000000000Z-0a0b0c0d`)
    await mkdir(hidden)
    await writeFile(join(hidden, 'part-x.parquet'), 'partial')
    expect(await read()).toEqual([row('a', 1)])
    await writer.close()
    writer = await LakeWriter.open({ root })
    expect(await readdir(join(root, 'counts'))).toEqual([`dt=${dt}`])
  })

  it('reads partitions the lake dropped from an archive root, preferring the lake copy', async () => {
    await writer.append(counts, [row('a', 1), row('b', 2, '2024-05-02')])
    const archiveRoot = join(base, 'archive')
    const archived = await LakeReader.open({ root, archiveRoot, datasets: [counts] })
    try {
      const target = join(archiveRoot, 'counts', `dt=${dt}`, 'counts.parquet')
      await writer.exportPartition('counts', dt, target)
      expect(await archived.query('SELECT k, n, dt FROM counts ORDER BY dt, k')).toEqual([
        row('a', 1),
        row('b', 2, '2024-05-02'),
      ])
      await writer.dropPartition('counts', dt)
      expect(await read()).toEqual([row('b', 2, '2024-05-02')])
      expect(await archived.query('SELECT k, n, dt FROM counts ORDER BY dt, k')).toEqual([
        row('a', 1),
        row('b', 2, '2024-05-02'),
      ])
    } finally {
      await archived.close()
    }
  })
})
