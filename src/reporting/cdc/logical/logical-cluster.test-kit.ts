import { execFile } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { chown, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { sql } from 'kysely'
import { identityModule } from '../../../identity/index.js'
import { type Database, migrate, openDatabase } from '../../../platform/db/index.js'

const run = promisify(execFile)

/** A throw-away PostgreSQL cluster with wal_level=logical (the shared server has replica). */
export interface LogicalCluster {
  /** Connection string of `database` on this cluster (user postgres, trust auth). */
  url(database: string): string
  stop(): Promise<void>
}

/** Why the cluster cannot start here (no server binaries), or null if it can. */
export function logicalClusterUnavailable(): string | null {
  return findBinaries() === null ? 'no PostgreSQL server binaries in /usr/lib/postgresql' : null
}

function findBinaries(): string | null {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return null
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a))
  return versions[0] === undefined ? null : join(root, versions[0], 'bin')
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

/**
 * initdb into a temp folder and pg_ctl start on a free port; as root (uid 0) both run as the
 * `postgres` OS user, which PostgreSQL requires.
 */
export async function startLogicalCluster(): Promise<LogicalCluster> {
  const bin = findBinaries()
  if (bin === null) throw new Error('no PostgreSQL server binaries')
  const dir = await mkdtemp(join(tmpdir(), 'mosaic-logical-'))
  const data = join(dir, 'data')
  const sockets = join(dir, 'sockets')
  await mkdir(sockets)
  const asRoot = process.getuid?.() === 0
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres'])
    const { stdout: gid } = await run('id', ['-g', 'postgres'])
    for (const path of [dir, sockets]) await chown(path, Number(stdout), Number(gid))
  }
  const exec = (tool: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args])
      : run(join(bin, tool), args)
  await exec('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'])
  const port = await freePort()
  const settings = [
    '-c wal_level=logical',
    '-c listen_addresses=127.0.0.1',
    `-c port=${port}`,
    `-k ${sockets}`,
    '-c max_replication_slots=10',
    '-c max_wal_senders=10',
    '-c fsync=off',
  ].join(' ')
  await exec('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', settings, '-w', 'start'])
  return {
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async stop() {
      await exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {})
      await rm(dir, { recursive: true, force: true })
    },
  }
}

const templates = new WeakMap<LogicalCluster, Promise<void>>()

/**
 * Creates `name` on the cluster with MOSIP's schemas (the identity core's migrations), copied
 * from a template migrated once per cluster.
 */
export async function createMosipDatabase(
  cluster: LogicalCluster,
  name: string,
): Promise<Database> {
  let template = templates.get(cluster)
  if (!template) {
    template = (async () => {
      const database = await openDatabase({ url: cluster.url('mosip_template'), poolMax: 1 })
      try {
        await migrate(database.db, identityModule.migrations)
      } finally {
        await database.close()
      }
    })()
    templates.set(cluster, template)
  }
  await template
  const admin = await openDatabase({ url: cluster.url('postgres'), poolMax: 1 })
  try {
    await sql`create database ${sql.id(name)} template mosip_template`.execute(admin.db)
  } finally {
    await admin.close()
  }
  return openDatabase({ url: cluster.url(name), poolMax: 3, createIfMissing: false })
}
