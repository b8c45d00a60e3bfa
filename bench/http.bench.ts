/**
 * HTTP benchmark: requests/s and latency of an authenticated JSON GET (`/api/v1/auth/me`: JWT
 * verification, a database read, the MOSIP envelope) on loopback, with the server in its own
 * process and the load generator (autocannon) in another.
 *
 *   node --import tsx bench/http.bench.ts [--seconds 15] [--connections 50]
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { testPostgresUrl } from '../src/platform/db/test-database.js'
import { call } from '../test/support/http-client.js'
import { spawnMosaic } from '../test/support/spawn-mosaic.js'
import { capture, markdownTable, progress } from './support.js'

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '15' },
    connections: { type: 'string', default: '50' },
  },
})
const password = 'benchmark-operator-passphrase'

async function measure(backend: 'pglite' | 'postgres') {
  const database = `mosaic_bench_${randomBytes(4).toString('hex')}`
  const url = new URL(testPostgresUrl)
  url.pathname = `/${database}`
  const mosaic = spawnMosaic(['up', '--only', 'web'], {
    MOSAIC_HOME: mkdtempSync(join(tmpdir(), 'mosaic-bench-')),
    PORT: '0',
    MOSAIC_ADMIN_PASSWORD: password,
    MOSAIC_RATE_LIMIT_PER_MINUTE: '100000000',
    LOG_LEVEL: 'warn',
    ...(backend === 'postgres' && { DATABASE_URL: url.toString() }),
  })
  try {
    const base = await mosaic.ready()
    const signIn = await call<{ accessToken: string }>(`${base}/api/v1/auth/login`, {
      body: { username: 'admin', password },
    })
    const token = signIn.body.response!.accessToken
    progress(`${backend}: warming up`)
    await autocannon(`${base}/api/v1/auth/me`, token, 3)
    progress(`${backend}: measuring for ${values.seconds} s with ${values.connections} connections`)
    const result = await autocannon(`${base}/api/v1/auth/me`, token, Number(values.seconds))
    return {
      backend,
      'requests/s': Math.round(result.requests.average),
      'p50 ms': result.latency.p50,
      'p99 ms': result.latency.p99,
      'non-2xx': result.non2xx,
      errors: result.errors,
    }
  } finally {
    mosaic.child.kill('SIGTERM')
    await mosaic.exited()
    if (backend === 'postgres') {
      const admin = new pg.Client({ connectionString: testPostgresUrl })
      await admin.connect()
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
      await admin.end()
    }
  }
}

interface AutocannonResult {
  requests: { average: number }
  latency: { p50: number; p99: number }
  non2xx: number
  errors: number
}

async function autocannon(url: string, token: string, seconds: number): Promise<AutocannonResult> {
  const bin = join('node_modules', 'autocannon', 'autocannon.js')
  const args = [
    bin,
    '--json',
    '-c',
    String(values.connections),
    '-d',
    String(seconds),
    '-H',
    `authorization=Bearer ${token}`,
    url,
  ]
  return JSON.parse(await capture(process.execPath, args)) as AutocannonResult
}

const rows = []
for (const backend of ['pglite', 'postgres'] as const) rows.push(await measure(backend))
console.log(markdownTable(rows))
