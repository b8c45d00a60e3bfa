import { cp, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defineLakeDataset, type LakeRow } from './lake-dataset.js'
import { partitionDir, tempName, writeJournal } from './lake-files.js'
import { LakeReader } from './lake-reader.js'
import { LakeWriter } from './lake-writer.js'

const events = defineLakeDataset({
  name: 'events',
  columns: [
    { name: 'seq', type: 'BIGINT', nullable: false },
    { name: 'center_id', type: 'VARCHAR', nullable: false },
    { name: 'stage', type: 'VARCHAR', nullable: true },
    { name: 'age_band', type: 'SMALLINT', nullable: true },
    { name: 'ok', type: 'BOOLEAN', nullable: false },
    { name: 'score', type: 'DOUBLE', nullable: true },
    { name: 'created', type: 'DATE', nullable: true },
    { name: 'at', type: 'TIMESTAMP', nullable: false },
  ],
})
const other = defineLakeDataset({
  name: 'other',
  columns: [{ name: 'n', type: 'INTEGER', nullable: false }],
})

function event(seq: number, dt: string, extra: Partial<Record<string, unknown>> = {}): LakeRow {
  return {
    seq,
    dt,
    center_id: `1000${seq % 3}`,
    stage: seq % 2 === 0 ? 'PACKET_RECEIVER' : null,
    age_band: seq % 5,
    ok: seq % 2 === 0,
    score: seq / 4,
    created: dt,
    at: new Date(`${dt}T10:00:00.${String(seq % 1000).padStart(3, '0')}Z`),
    ...extra,
  }
}

/** What the reader gives back for `event(...)`: plain JS, dates as strings. */
function expected(row: LakeRow): Record<string, unknown> {
  return {
    ...row,
    age_band: row['age_band'] ?? null,
    at: (row['at'] as Date).toISOString(),
  }
}

let root: string
let writer: LakeWriter
let reader: LakeReader

beforeEach(async () => {
  root = join(await mkdtemp(join(tmpdir(), 'mosaic-lake-')), 'lake')
  writer = await LakeWriter.open({ root })
  reader = await LakeReader.open({ root, datasets: [events, other] })
})

afterEach(async () => {
  await writer.close()
  await reader.close()
  await rm(join(root, '..'), { recursive: true, force: true })
})

async function tree(dir: string): Promise<string[]> {
  const found = await readdir(dir, { recursive: true }).catch(() => [])
  return found.map(String).sort()
}

const all = 'SELECT * FROM events ORDER BY seq'

describe('LakeWriter.append and LakeReader.query', () => {
  it('reads back exactly what was appended, partitioned by dt', async () => {
    const rows = [
      event(1, '2024-03-01'),
      event(2, '2024-03-01', { stage: null, age_band: null, score: null, created: null }),
      event(3, '2024-03-02', { seq: 2n ** 40n }),
    ]
    const result = await writer.append(events, rows)

    expect(result.rows).toBe(3)
    expect(result.partitions.map((p) => [p.dt, p.rows])).toEqual([
      ['2024-03-01', 2],
      ['2024-03-02', 1],
    ])
    for (const p of result.partitions) {
      expect(p.file).toMatch(new RegExp(`^events/dt=${p.dt}/part-[0-9A-Za-z-]+\\.parquet$`))
    }
    expect(await reader.files('events')).toEqual(result.partitions.map((p) => p.file))
    const back = await reader.query(all)
    expect(back).toEqual(rows.map((r) => expected({ ...r, seq: Number(r['seq']) })))
  })

  it('returns counts as numbers and filters on dt with a parameter', async () => {
    await writer.append(events, [event(1, '2024-03-01'), event(2, '2024-03-02')])
    const rows = await reader.query(
      'SELECT dt, count(*) AS n FROM events WHERE dt >= $from::DATE GROUP BY dt',
      { from: '2024-03-02' },
    )
    expect(rows).toEqual([{ dt: '2024-03-02', n: 1 }])
  })

  it('rejects a batch with a bad row and writes nothing, without echoing values', async () => {
    const secret = 'A-VALUE-THAT-MUST-NOT-LEAK'
    const bad = [
      event(1, '2024-03-01'),
      event(2, '2024-03-01', { age_band: secret }),
      event(3, '2024-02-30'),
      { ...event(4, '2024-03-01'), name: secret },
      { dt: '2024-03-01', seq: 5 },
    ]
    const failure = await writer.append(events, bad).catch((e: unknown) => e)

    expect(failure).toMatchObject({ code: 'MOS-LAKE-002' })
    const message = (failure as Error).message
    expect(message).toContain('row 1 age_band')
    expect(message).toContain('row 2 dt')
    expect(message).toContain('row 4 center_id')
    expect(message).not.toContain(secret)
    expect(await tree(root)).toEqual([])
    expect(await reader.query(all)).toEqual([])
  })

  it('publishes files atomically: no temporary file is left or read', async () => {
    await writer.append(events, [event(1, '2024-03-01')])
    await writer.append(events, [event(2, '2024-03-01'), event(3, '2024-03-02')])

    const files = (await tree(root)).filter((f) => f.endsWith('.parquet') || f.includes('tmp'))
    expect(files).toHaveLength(3)
    for (const f of files) expect(f).toMatch(/^events\/dt=2024-03-0[12]\/part-[^/]+\.parquet$/)

    // A crash mid-write leaves only a hidden temporary file: readers skip it, recovery drops it.
    const dir = partitionDir(root, 'events', '2024-03-01')
    await writeFile(join(dir, tempName('part-x.parquet')), 'half a file')
    expect(await reader.query('SELECT count(*) AS n FROM events')).toEqual([{ n: 3 }])
    await writer.close()
    writer = await LakeWriter.open({ root })
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('reads only the partitions a dt filter selects', async () => {
    await writer.append(events, [event(1, '2024-03-01'), event(2, '2024-03-02')])
    await writer.append(events, [event(3, '2024-03-03')])
    const plan = await reader.query(
      "EXPLAIN ANALYZE SELECT seq FROM events WHERE dt = DATE '2024-03-02'",
    )
    expect(JSON.stringify(plan)).toMatch(/Scanning Files: 1\/3/)

    // Corrupt another partition's file: a query that opened it would fail. (Not the first
    // file: DuckDB takes the view's schema from the first file of the list.)
    const victim = (await reader.files('events')).at(-1)!
    expect(victim).toContain('dt=2024-03-03')
    await writeFile(join(root, victim), 'not parquet')

    const day2 = await reader.query('SELECT seq FROM events WHERE dt = ?::DATE', ['2024-03-02'])
    expect(day2).toEqual([{ seq: 2 }])
    const range = await reader.query(
      "SELECT seq FROM events WHERE dt BETWEEN DATE '2024-03-01' AND DATE '2024-03-02' ORDER BY 1",
    )
    expect(range).toEqual([{ seq: 1 }, { seq: 2 }])
    await expect(reader.query('SELECT count(*) FROM events')).rejects.toMatchObject({
      code: 'MOS-LAKE-005',
    })
  })

  it('reads an empty or missing dataset as zero rows with its columns', async () => {
    await writer.append(other, [{ n: 1, dt: '2024-03-01' }])
    expect(await reader.query(all)).toEqual([])
    const counted = await reader.query(
      "SELECT count(*) AS n, count(center_id) AS c FROM events WHERE dt = DATE '2024-03-01'",
    )
    expect(counted).toEqual([{ n: 0, c: 0 }])
    expect(await reader.query('SELECT n, dt FROM other')).toEqual([{ n: 1, dt: '2024-03-01' }])
  })

  it('keeps DuckDB inside the lake root', async () => {
    await expect(reader.query("SELECT * FROM read_csv('/etc/passwd')")).rejects.toMatchObject({
      code: 'MOS-LAKE-005',
    })
  })

  it('refuses calls after close', async () => {
    await writer.close()
    await expect(writer.append(events, [event(1, '2024-03-01')])).rejects.toMatchObject({
      code: 'MOS-LAKE-006',
    })
  })
})

describe('LakeWriter.compact', () => {
  const dt = '2024-03-01'

  async function appendThree(): Promise<LakeRow[]> {
    const rows = [1, 2, 3, 4, 5, 6].map((seq) => event(seq, dt))
    await writer.append(events, rows.slice(0, 2))
    await writer.append(events, rows.slice(2, 4))
    await writer.append(events, [...rows.slice(4), event(7, '2024-03-02')])
    return rows
  }

  it('merges a partition into one file and keeps every row once', async () => {
    const rows = await appendThree()
    const before = await reader.files('events')
    const result = await writer.compact(events, dt)

    expect(result.inputs).toHaveLength(3)
    expect(result.rows).toBe(6)
    expect(await readdir(partitionDir(root, 'events', dt))).toEqual([result.output])
    expect(await reader.files('events')).toEqual([
      `events/dt=${dt}/${result.output}`,
      ...before.filter((f) => f.includes('2024-03-02')),
    ])
    const back = await reader.query('SELECT * FROM events WHERE dt = ?::DATE ORDER BY seq', [dt])
    expect(back).toEqual(rows.map(expected))
    expect(await reader.query('SELECT count(*) AS n FROM events')).toEqual([{ n: 7 }])

    const again = await writer.compact(events, dt)
    expect(again.output).toBeNull()
  })

  it('reads every row once at each point a crash can stop it, and recovers', async () => {
    const rows = await appendThree()
    const dir = partitionDir(root, 'events', dt)
    const saved = join(root, '..', 'saved')
    await cp(dir, saved, { recursive: true })
    const { inputs, output } = await writer.compact(events, dt)
    const merged = output!
    const restoreInputs = () => cp(saved, dir, { recursive: true })
    const count = async () =>
      (
        await reader.query(
          'SELECT count(*) AS n, count(DISTINCT seq) AS d FROM events WHERE dt = ?::DATE',
          [dt],
        )
      )[0]
    const reopen = async () => {
      await writer.close()
      writer = await LakeWriter.open({ root })
    }

    // Crashed after the journal, before the commit rename: the inputs are the data.
    await restoreInputs()
    await writeJournal(dir, { output: merged, inputs: [...inputs], rows: 6 })
    await rename(join(dir, merged), join(dir, tempName(merged)))
    expect(await count()).toEqual({ n: 6, d: 6 })
    await reopen()
    expect((await readdir(dir)).sort()).toEqual([...inputs].sort())

    // Crashed after the commit, before (or while) deleting the inputs: the output is the data.
    await writer.compact(events, dt)
    const [current] = await readdir(dir)
    await restoreInputs()
    await rm(join(dir, inputs[0]!))
    await writeJournal(dir, { output: current!, inputs: [...inputs], rows: 6 })
    expect(await count()).toEqual({ n: 6, d: 6 })
    await reopen()
    expect(await readdir(dir)).toEqual([current])
    expect(
      await reader.query('SELECT * FROM events WHERE dt = ?::DATE ORDER BY seq', [dt]),
    ).toEqual(rows.map(expected))
  })

  it('never shows a reader a duplicate or a missing row while compacting', async () => {
    let appended = 0
    const work = (async () => {
      for (let seq = 1; seq <= 24; seq++) {
        await writer.append(events, [event(seq, dt)])
        appended = seq
        if (seq % 4 === 0) await writer.compact(events, dt)
      }
    })()
    let done = false
    void work.finally(() => {
      done = true
    })
    let reads = 0
    while (!done || reads === 0) {
      const floor = appended
      const [row] = await reader.query(
        'SELECT count(*) AS n, count(DISTINCT seq) AS d, coalesce(max(seq), 0) AS m FROM events',
      )
      expect(row!['n']).toBe(row!['d'])
      expect(row!['n']).toBe(row!['m'])
      expect(row!['n']).toBeGreaterThanOrEqual(floor)
      reads++
    }
    await work
    expect(await reader.query('SELECT count(*) AS n FROM events')).toEqual([{ n: 24 }])
  })
})
