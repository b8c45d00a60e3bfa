import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import pg from 'pg'
import { type Database, openDatabase } from '../src/platform/db/index.js'

/** A Markdown table from rows of equal keys, for pasting into docs/benchmarks.md. */
export function markdownTable(rows: readonly Record<string, string | number>[]): string {
  const first = rows[0]
  if (!first) return '(no rows)'
  const keys = Object.keys(first)
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`
  return [
    line(keys),
    line(keys.map(() => '---')),
    ...rows.map((row) => line(keys.map((k) => row[k] ?? ''))),
  ].join('\n')
}

/** Progress for the person watching a benchmark run (stderr, so stdout stays the table). */
export function progress(text: string): void {
  process.stderr.write(`[bench] ${text}\n`)
}

/** Runs a command and returns what it printed on stdout. */
export function capture(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${command} exited with ${code}`)),
    )
  })
}

/**
 * CPU seconds the whole machine has spent busy (Linux /proc/stat; null elsewhere). On a machine
 * doing nothing else, the difference over a run is this process plus the database server.
 */
export function machineBusySeconds(): number | null {
  if (!existsSync('/proc/stat')) return null
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1)
  if (!fields) return null
  // user nice system idle iowait irq softirq steal: all but idle and iowait are busy.
  const busy = [0, 1, 2, 5, 6, 7].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0)
  return busy / 100
}

/** A database made for one benchmark run, dropped afterwards. */
export interface ScratchDatabase {
  readonly database: Database
  drop(): Promise<void>
}

/** Creates a scratch database on the PostgreSQL server `adminUrl` points to. */
export async function postgresScratch(adminUrl: string, poolMax = 4): Promise<ScratchDatabase> {
  const name = `mosaic_bench_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const database = await openDatabase({ url: url.toString(), poolMax })
  return {
    database,
    async drop() {
      await database.close()
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    },
  }
}

/** The p-th percentile (nearest rank) of samples. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = samples.toSorted((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}
