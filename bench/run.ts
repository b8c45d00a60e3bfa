/**
 * Runs the named benchmarks (all when none is named), each in its own process:
 *
 *   npm run bench            # every benchmark
 *   npm run bench -- http    # one of them
 */
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const available = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.replace('.bench.ts', ''))
const [first, ...rest] = process.argv.slice(2)
const chosen = first && !first.startsWith('-') ? [first] : available
const flags = first && !first.startsWith('-') ? rest : process.argv.slice(2)

for (const name of chosen) {
  if (!available.includes(name)) {
    console.error(`No benchmark "${name}". Available: ${available.join(', ')}`)
    process.exit(1)
  }
  console.log(`\n## ${name}\n`)
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(here, `${name}.bench.ts`), ...flags],
    {
      stdio: 'inherit',
    },
  )
  if (result.status !== 0) process.exit(result.status ?? 1)
}
