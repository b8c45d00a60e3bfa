import { loadSettings, type Settings } from '../platform/config/index.js'

/** Settings for a command: file and environment as usual. */
export function settingsFromCli(): Settings {
  return loadSettings()
}
