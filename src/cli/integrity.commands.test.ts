import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runMosaic } from '../../test/support/spawn-mosaic.js'
import { createIdRepoKeyring, runSeed } from '../identity/index.js'
import { sequenceBatch } from '../integrity/log/sequencer.js'
import { publishCheckpoint } from '../integrity/publish/checkpoint-publisher.js'
import { openLogIdentity } from '../integrity/publish/log-signer.js'
import { allModules } from '../modules.js'
import { loadSettings } from '../platform/config/index.js'
import { resolveModules } from '../platform/module-graph.js'
import { closePlatform, openPlatform } from '../platform/platform.js'
import { createMetrics } from '../platform/telemetry/index.js'
import { withHomeDatabase } from './reporting-cli.test-kit.js'

// The auditor as an operator runs it on an embedded installation whose log has caught up.
describe('mosaic integrity verify', () => {
  const home = mkdtempSync(join(tmpdir(), 'mosaic-integrity-cli-'))
  const env = { MOSAIC_HOME: home }

  beforeAll(async () => {
    // What `mosaic seed` and a running server's log loops would leave, done in this process.
    const platform = await openPlatform({
      settings: loadSettings({ env, cwd: home }),
      logger: pino({ level: 'silent' }),
      metrics: createMetrics(),
      moduleMigrations: resolveModules(allModules).flatMap((module) => module.migrations),
    })
    try {
      const keyring = createIdRepoKeyring(platform.keys)
      await runSeed(
        { database: platform.database, keyring, keys: platform.keys },
        { residents: 50, days: 3, seed: 'integrity-cli' },
      )
      while ((await sequenceBatch(platform.db)) !== null);
      const log = await openLogIdentity(platform)
      await publishCheckpoint({ db: platform.db, log, witnesses: [], logger: platform.logger })
    } finally {
      await closePlatform(platform)
    }
  }, 120_000)
  afterAll(() => rmSync(home, { recursive: true, force: true }))

  it('exits 0 on the untouched installation, and 1 naming the record changed in SQL', async () => {
    const clean = await runMosaic(['integrity', 'verify'], env)
    expect(clean.code, clean.stderr).toBe(0)
    expect(clean.stdout).toMatch(/^OK: the log of \d+ entries and every record agree/)
    expect(clean.stderr).toContain('verify: records')

    const status = await runMosaic(['integrity', 'status'], env)
    expect(status.code, status.stderr).toBe(0)
    const printed = JSON.parse(status.stdout) as { size: number; checkpoint: { size: number } }
    expect(printed.checkpoint.size).toBe(printed.size)

    const ref = await withHomeDatabase(home, async (db) => {
      const { rows } = await sql<{ uin_ref_id: string }>`
        select uin_ref_id from idrepo.uin order by uin_ref_id limit 1`.execute(db)
      const uinRefId = rows[0]!.uin_ref_id
      await sql`update idrepo.uin set status_code = 'BLOCKED' where uin_ref_id = ${uinRefId}`.execute(
        db,
      )
      return uinRefId
    })
    const tampered = await runMosaic(['integrity', 'verify', '--json'], env)
    expect(tampered.code, tampered.stderr).toBe(1)
    const report = JSON.parse(tampered.stdout) as {
      ok: boolean
      findings: { code: string; message: string }[]
    }
    expect(report.ok).toBe(false)
    expect(report.findings).toEqual([
      {
        code: 'record-changed',
        message: expect.stringContaining(`record ${ref} was changed outside a logged change`),
      },
    ])
  }, 120_000)
})
