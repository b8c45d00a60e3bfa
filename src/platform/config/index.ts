export { loadSettings, SettingsError, type LoadSettingsOptions } from './load-settings.js'
export { settingsSchema, type Settings, type SettingsInput } from './settings.schema.js'
export { envNames, secretSettings } from './env-names.js'
export { redactSettings, stripPassword } from './redact-settings.js'
