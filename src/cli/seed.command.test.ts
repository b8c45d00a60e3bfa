import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runMosaic } from '../../test/support/spawn-mosaic.js'

describe('mosaic seed', () => {
  it('rejects bad flags with MOSIP-style error and exit 1', async () => {
    const { code, stderr } = await runMosaic([
      'seed',
      '--residents',
      'many',
      '--days',
      '3',
      '--seed',
      'x',
    ])
    expect(code).toBe(1)
    expect(stderr).toContain('MOS-SEED-002')
  })

  it('seeds an empty embedded database with progress on stderr, then refuses to seed it again', async () => {
    const home = mkdtempSync(join(tmpdir(), 'mosaic-seed-cli-'))
    try {
      const env = { MOSAIC_HOME: home }
      const first = await runMosaic(
        ['seed', '--residents', '50', '--days', '3', '--seed', 'cli', '--until', '2025-06-05'],
        env,
      )
      expect(first.code).toBe(0)
      expect(first.stderr).toMatch(/seed: residents .*\/s ETA/)
      expect(JSON.parse(first.stdout)).toMatchObject({ residents: expect.any(Number) })
      const again = await runMosaic(
        ['seed', '--residents', '50', '--days', '3', '--seed', 'cli'],
        env,
      )
      expect(again.code).toBe(1)
      expect(again.stderr).toContain('MOS-SEED-001')
    } finally {
      rmSync(home, { recursive: true, force: true })
    }
  }, 60_000)
})
