import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../errors.js'
import { loadMasterKey } from './master-key.js'

describe('loadMasterKey', () => {
  let home: string
  afterEach(() => rmSync(home, { recursive: true, force: true }))

  it('uses the setting when given and writes no file', () => {
    home = mkdtempSync(join(tmpdir(), 'mosaic-mk-'))
    const configured = randomBytes(32).toString('base64')
    const master = loadMasterKey({ home, crypto: { masterKey: configured } })
    expect(master).toMatchObject({ source: 'setting', created: false, path: null })
    expect(master.key.toString('base64')).toBe(configured)
  })

  it('creates <home>/master.key once, mode 0600, and reads it back afterwards', () => {
    home = join(mkdtempSync(join(tmpdir(), 'mosaic-mk-')), 'nested')
    const first = loadMasterKey({ home, crypto: {} })
    expect(first).toMatchObject({ source: 'file', created: true, insecurePermissions: false })
    expect(first.key).toHaveLength(32)
    expect(statSync(join(home, 'master.key')).mode & 0o777).toBe(0o600)
    const second = loadMasterKey({ home, crypto: {} })
    expect(second.created).toBe(false)
    expect(second.key.equals(first.key)).toBe(true)
    expect(readFileSync(join(home, 'master.key'), 'utf8').trim()).toBe(first.key.toString('base64'))
  })

  it('refuses a corrupt key file with a clear error', () => {
    home = mkdtempSync(join(tmpdir(), 'mosaic-mk-'))
    writeFileSync(join(home, 'master.key'), 'not a key\n', { mode: 0o600 })
    expect(() => loadMasterKey({ home, crypto: {} })).toThrow(AppError)
    expect(() => loadMasterKey({ home, crypto: {} })).toThrow(/master\.key does not hold 32 bytes/)
  })

  it('flags a key file others can read', () => {
    home = mkdtempSync(join(tmpdir(), 'mosaic-mk-'))
    writeFileSync(join(home, 'master.key'), `${randomBytes(32).toString('base64')}\n`, {
      mode: 0o644,
    })
    expect(loadMasterKey({ home, crypto: {} }).insecurePermissions).toBe(true)
  })
})
