import { describe, expect, it } from 'vitest'
import { SettingsError } from '../../platform/config/index.js'
import {
  defaultRegprcSettings,
  maxAllowedIterationFor,
  regprcEnvNames,
  regprcSettingsFrom,
  regprcSettingsSchema,
} from './regprc.settings.js'

describe('registration processor settings', () => {
  it('reads identity.regprc from the platform settings, with MOSIP defaults for the rest', () => {
    expect(regprcSettingsFrom({ home: '.', identity: {} })).toEqual(defaultRegprcSettings)
    // Values as the environment or a YAML file give them.
    const settings = regprcSettingsFrom({
      identity: {
        regprc: {
          reprocessAttemptCount: '7',
          maxAllowedIteration: 4,
          maxAllowedIterationByProcess: { BIOMETRIC_CORRECTION: '2' },
        },
      },
    })
    expect(settings).toMatchObject({ reprocessAttemptCount: 7, reprocessElapseSeconds: 900 })
    expect(maxAllowedIterationFor(settings, 'BIOMETRIC_CORRECTION')).toBe(2)
    expect(maxAllowedIterationFor(settings, 'DOCUMENT_CORRECTION')).toBe(4)
    expect(maxAllowedIterationFor(defaultRegprcSettings, 'BIOMETRIC_CORRECTION')).toBe(5)
  })

  it('names each bad setting, as the platform loader does', () => {
    const bad = () =>
      regprcSettingsFrom({ identity: { regprc: { qualityThreshold: 120, bogus: 1 } } })
    expect(bad).toThrow(SettingsError)
    expect(bad).toThrow(/identity\.regprc\.qualityThreshold/)
    expect(bad).toThrow(/bogus/)
  })

  it('describes every setting for `mosaic config docs` and names an env variable for each number', () => {
    for (const [key, schema] of Object.entries(regprcSettingsSchema.shape)) {
      expect(schema.description, key).toMatch(/\w{4}/)
      if (typeof defaultRegprcSettings[key as keyof typeof defaultRegprcSettings] === 'number')
        expect(Object.values(regprcEnvNames)).toContain(`identity.regprc.${key}`)
    }
  })
})
