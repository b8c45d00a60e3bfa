import { spawn } from 'node:child_process'

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
