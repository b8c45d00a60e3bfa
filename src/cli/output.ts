/** Writes a line for the person at the terminal (not a log line). */
export function say(text = ''): void {
  process.stdout.write(`${text}\n`)
}

/** Writes a problem for the person at the terminal. */
export function complain(text: string): void {
  process.stderr.write(`${text}\n`)
}

/** Left-aligned two-column text, for the start banner and listings. */
export function columns(rows: readonly (readonly [string, string])[], indent = '  '): string {
  const width = Math.max(...rows.map(([label]) => label.length))
  return rows.map(([label, value]) => `${indent}${label.padEnd(width)}  ${value}`).join('\n')
}
