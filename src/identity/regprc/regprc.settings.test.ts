import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { envNames, loadSettings, SettingsError } from '../../platform/config/index.js'
import {
  defaultRegprcSettings,
  maxAllowedIterationFor,
  regprcSettingsSchema,
} from './regprc.settings.js'

const configured = (yaml: string, env: Record<string, string> = {}) => {
  const cwd = mkdtempSync(join(tmpdir(), 'mosaic-regprc-settings-'))
  writeFileSync(join(cwd, 'mosaic.config.yaml'), yaml)
  return () => loadSettings({ env, cwd })
}

describe('registration processor settings', () => {
  it('come from the platform settings: MOSIP defaults, the config file, then the environment', () => {
    expect(configured('')().identity.regprc).toEqual(defaultRegprcSettings)
    const settings = configured(
      [
        'identity:',
        '  regprc:',
        '    reprocessAttemptCount: 7',
        '    maxAllowedIteration: 4',
        '    maxAllowedIterationByProcess: { BIOMETRIC_CORRECTION: 2 }',
      ].join('\n'),
      { MOSAIC_REGPRC_QUALITY_THRESHOLD: '45', MOSAIC_REGPRC_REPROCESS_ATTEMPT_COUNT: '9' },
    )().identity.regprc
    expect(settings).toMatchObject({
      reprocessAttemptCount: 9,
      qualityThreshold: 45,
      reprocessElapseSeconds: 900,
    })
    expect(maxAllowedIterationFor(settings, 'BIOMETRIC_CORRECTION')).toBe(2)
    expect(maxAllowedIterationFor(settings, 'DOCUMENT_CORRECTION')).toBe(4)
    expect(maxAllowedIterationFor(defaultRegprcSettings, 'BIOMETRIC_CORRECTION')).toBe(5)
  })

  it('refuse to start on a bad value, naming each one', () => {
    const bad = configured('identity:\n  regprc:\n    qualityThreshold: 120\n    bogus: 1\n')
    expect(bad).toThrow(SettingsError)
    expect(bad).toThrow(/identity\.regprc\.qualityThreshold/)
    expect(bad).toThrow(/bogus/)
  })

  it('are each described for `mosaic config docs`, every number with an environment variable', () => {
    for (const [key, schema] of Object.entries(regprcSettingsSchema.shape)) {
      expect(schema.description, key).toMatch(/\w{4}/)
      if (typeof defaultRegprcSettings[key as keyof typeof defaultRegprcSettings] === 'number')
        expect(Object.values(envNames)).toContain(`identity.regprc.${key}`)
    }
  })
})
