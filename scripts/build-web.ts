import { spawn } from 'node:child_process'
import { readdir, stat } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const repoRoot = fileURLToPath(new URL('../', import.meta.url))
const webDir = join(repoRoot, 'web')
const distDir = join(webDir, 'dist')
const skipped = new Set(['dist', 'node_modules'])

/** Newest and oldest modification times of the files under `dir` (skipping build output). */
async function mtimes(
  dir: string,
  skip: Set<string>,
): Promise<{ newest: number; oldest: number; newestFile: string }> {
  let newest = 0
  let oldest = Number.POSITIVE_INFINITY
  let newestFile = ''
  const walk = async (current: string): Promise<void> => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      if (skip.has(entry.name)) continue
      const path = join(current, entry.name)
      if (entry.isDirectory()) {
        await walk(path)
        continue
      }
      const { mtimeMs } = await stat(path)
      if (mtimeMs > newest) {
        newest = mtimeMs
        newestFile = path
      }
      oldest = Math.min(oldest, mtimeMs)
    }
  }
  await walk(dir)
  return { newest, oldest, newestFile }
}

/**
 * Builds `web/` into `web/dist` with Vite, but only when `web/dist` is missing or some file in
 * `web/` is newer than the build. `npm start` and the browser tests run it first.
 */
export async function buildWebIfStale(): Promise<void> {
  const source = await mtimes(webDir, skipped)
  const built = await stat(join(distDir, 'admin', 'index.html')).then(
    () => mtimes(distDir, new Set()),
    () => undefined,
  )
  if (built !== undefined && built.oldest >= source.newest) {
    console.log(`[build-web] web/dist is up to date; not rebuilding`)
    return
  }
  const reason =
    built === undefined
      ? 'web/dist is missing'
      : `${relative(repoRoot, source.newestFile)} is newer than web/dist`
  console.log(`[build-web] ${reason}; running vite build (web/vite.config.ts)`)
  const started = Date.now()
  await viteBuild()
  console.log(`[build-web] built web/dist in ${Date.now() - started} ms`)
}

/**
 * Runs `vite build` in a child process: Vitest sets NODE_ENV=test, and a build inheriting it
 * would bundle React's development build instead of the production one users get.
 */
function viteBuild(): Promise<void> {
  const vite = join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js')
  const args = [vite, 'build', '--config', join(webDir, 'vite.config.ts'), '--logLevel', 'warn']
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: repoRoot,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: 'inherit',
    })
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build exited with code ${code}`)),
    )
  })
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildWebIfStale().catch((error: unknown) => {
    console.error(`[build-web] ${(error as Error).message}`)
    process.exit(1)
  })
}
