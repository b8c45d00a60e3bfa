import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'

/** Thrown when another live process already uses a PGlite data folder. */
export class DataDirInUseError extends Error {
  constructor(
    dataDir: string,
    readonly pid: number,
  ) {
    super(
      `${dataDir} is in use by process ${pid}. PGlite serves one process only: stop that ` +
        'process, or set DATABASE_URL to a PostgreSQL server to run several processes.',
    )
    this.name = 'DataDirInUseError'
  }
}

/**
 * Claims a data folder (PGlite's, the lake's, a witness's state) for this process with a pid
 * file beside it (`<dataDir>.lock`); returns the release.
 * A pid file left by a dead process is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const lockFile = `${dataDir}.lock`
  mkdirSync(dirname(lockFile), { recursive: true })
  for (;;) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' })
      return () => rmSync(lockFile, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const owner = Number(readFileSync(lockFile, 'utf8'))
    if (owner && isAlive(owner)) throw new DataDirInUseError(dataDir, owner)
    rmSync(lockFile, { force: true })
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
