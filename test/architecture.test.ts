import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const src = join(root, 'src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    // Tests and shared test suites (*.contract.ts) are not product code.
    return path.endsWith('.ts') && !/\.(test|contract)\.ts$/.test(path) ? [path] : []
  })
}

/** Every relative import of a file, resolved to a path inside the repository. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const specifiers = [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map(
    (m) => m[1]!,
  )
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) => resolve(dirname(file), s).replace(/\.js$/, '.ts'))
}

/** The top-level area a path belongs to: 'platform', a module name, or a file at src/. */
function area(path: string): string {
  return relative(src, path).split(sep)[0]!
}

describe('architecture', () => {
  const files = sourceFiles(src)

  it('keeps platform/ free of any module', () => {
    const offending = files
      .filter((file) => area(file) === 'platform')
      .flatMap((file) =>
        imports(file)
          .filter((target) => area(target) !== 'platform')
          .map((target) => `${relative(root, file)} → ${relative(root, target)}`),
      )
    expect(offending).toEqual([])
  })

  it('lets modules reach each other only through their index.ts', () => {
    const offending = files
      .filter(
        (file) => !['platform', 'cli'].includes(area(file)) && relative(src, file).includes(sep),
      )
      .flatMap((file) =>
        imports(file)
          .filter((target) => {
            const targetArea = area(target)
            if (targetArea === area(file) || targetArea === 'platform') return false
            return relative(join(src, targetArea), target) !== 'index.ts'
          })
          .map((target) => `${relative(root, file)} → ${relative(root, target)}`),
      )
    expect(offending).toEqual([])
  })

  it('uses named exports only and no file past 400 lines', () => {
    const defaults = files.filter((file) => /^export default/m.test(readFileSync(file, 'utf8')))
    const long = files.filter((file) => readFileSync(file, 'utf8').split('\n').length > 400)
    expect({ defaults, long }).toEqual({ defaults: [], long: [] })
  })
})
