import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runMosaic } from '../../test/support/spawn-mosaic.js'
import { checkRid, checkUin, checkVid } from '../identity/ids/index.js'

describe('mosaic uin, vid and rid', () => {
  it('lists the identifier commands in --help', async () => {
    const { code, stdout } = await runMosaic(['--help'])
    expect(code).toBe(0)
    for (const command of ['uin', 'vid', 'rid'])
      expect(stdout).toMatch(new RegExp(`^  ${command} `, 'm'))
  })

  it('generates valid UINs and VIDs, one a line, without a database', async () => {
    const uins = await runMosaic(['uin', 'generate', '--count', '25'])
    expect(uins.code).toBe(0)
    const lines = uins.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(25)
    for (const uin of lines) expect(checkUin(uin)).toEqual({ valid: true })
    const vids = await runMosaic(['vid', 'generate', '--count', '3'])
    expect(
      vids.stdout
        .trimEnd()
        .split('\n')
        .map((vid) => checkVid(vid).valid),
    ).toEqual([true, true, true])
  })

  it('validates: "valid" and exit 0, or the broken rule on stderr and exit 1', async () => {
    expect(await runMosaic(['uin', 'validate', '6214254195'])).toMatchObject({
      code: 0,
      stdout: 'valid\n',
    })
    const bad = await runMosaic(['uin', 'validate', '4578671247'])
    expect(bad.code).toBe(1)
    expect(bad.stdout).toBe('')
    expect(bad.stderr).toContain('KER-IDV-202: Invalid UIN (restricted)')
    const vid = await runMosaic(['vid', 'validate', '3416093648920526'])
    expect(vid).toMatchObject({ code: 1, stderr: expect.stringContaining('(checksum)') })
    const rid = await runMosaic(['rid', 'validate', '10001100020000120260230083000'])
    expect(rid).toMatchObject({ code: 1, stderr: expect.stringContaining('(timestamp)') })
    expect(await runMosaic(['rid', 'validate', '34532678970000120181122173040'])).toMatchObject({
      code: 0,
      stdout: 'valid\n',
    })
  })

  it('generates RIDs from the database sequence of the center and machine', async () => {
    const home = mkdtempSync(join(tmpdir(), 'mosaic-rid-'))
    try {
      const first = await runMosaic(
        ['rid', 'generate', '--center', '10001', '--machine', '10002', '--count', '2'],
        { MOSAIC_HOME: home },
      )
      expect(first.code).toBe(0)
      const rids = first.stdout.trimEnd().split('\n')
      expect(rids.map((rid) => rid.slice(0, 15))).toEqual(['100011000200001', '100011000200002'])
      for (const rid of rids) expect(checkRid(rid)).toEqual({ valid: true })
      const next = await runMosaic(['rid', 'generate', '--center', '10001', '--machine', '10002'], {
        MOSAIC_HOME: home,
      })
      expect(next.stdout.slice(10, 15)).toBe('00003')
      const wrong = await runMosaic(['rid', 'generate', '--center', '1', '--machine', '10002'])
      expect(wrong).toMatchObject({ code: 1, stderr: expect.stringContaining('--center') })
    } finally {
      rmSync(home, { recursive: true, force: true })
    }
  })
})
