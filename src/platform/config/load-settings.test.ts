import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadSettings, SettingsError } from './load-settings.js'
import { redactSettings } from './redact-settings.js'

const emptyDir = () => mkdtempSync(join(tmpdir(), 'mosaic-settings-'))

describe('loadSettings', () => {
  it('gives working defaults with nothing configured', () => {
    const cwd = emptyDir()
    const settings = loadSettings({ env: {}, cwd })
    expect(settings.server.port).toBe(8080)
    expect(settings.home).toBe(join(cwd, '.mosaic'))
    expect(settings.database.url).toBeUndefined()
    expect(settings.bus.natsUrl).toBeUndefined()
    expect(settings.server.trustProxy).toBe(false)
  })

  it('reads the config file, and the environment wins over it', () => {
    const cwd = emptyDir()
    writeFileSync(
      join(cwd, 'mosaic.config.yaml'),
      'server:\n  port: 9000\n  host: 0.0.0.0\nlog:\n  level: debug\n',
    )
    const settings = loadSettings({ env: { PORT: '9100', MOSAIC_TRUST_PROXY: 'false' }, cwd })
    expect(settings.server.port).toBe(9100)
    expect(settings.server.host).toBe('0.0.0.0')
    expect(settings.log.level).toBe('debug')
    expect(settings.server.trustProxy).toBe(false)
  })

  it('names the bad setting and where it came from', () => {
    const cwd = emptyDir()
    writeFileSync(join(cwd, 'mosaic.config.yaml'), 'server:\n  prot: 1\n')
    const attempt = () => loadSettings({ env: { PORT: 'eighty', DATABASE_URL: 'mysql://x' }, cwd })
    expect(attempt).toThrow(SettingsError)
    const problems = (() => {
      try {
        attempt()
      } catch (error) {
        return (error as SettingsError).problems
      }
      return []
    })()
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^server\.port \(from env PORT\): /),
        expect.stringMatching(
          /^database\.url \(from env DATABASE_URL\): must be a URL starting with postgres/,
        ),
        expect.stringMatching(/^server: Unrecognized key: "prot"/),
      ]),
    )
  })

  it('rejects a config file that is not a mapping', () => {
    const cwd = emptyDir()
    writeFileSync(join(cwd, 'mosaic.config.yaml'), '- just\n- a list\n')
    expect(() => loadSettings({ env: {}, cwd })).toThrow(/must hold a mapping of settings/)
  })

  it('never prints secrets or URL passwords', () => {
    const settings = loadSettings({
      env: {
        DATABASE_URL: 'postgres://mosaic:hunter2@db:5432/mosaic',
        MOSAIC_ADMIN_PASSWORD: 'correct horse battery',
      },
      cwd: emptyDir(),
    })
    const printed = JSON.stringify(redactSettings(settings))
    expect(printed).not.toContain('hunter2')
    expect(printed).not.toContain('correct horse')
    expect(printed).toContain('postgres://mosaic:********@db:5432/mosaic')
  })
})
