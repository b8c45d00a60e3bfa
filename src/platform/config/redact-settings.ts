import type { Settings } from './settings.schema.js'
import { secretSettings } from './env-names.js'

/** A copy of the settings safe to print: secrets masked, passwords removed from URLs. */
export function redactSettings(settings: Settings): Record<string, unknown> {
  return redactTree(settings as unknown as Record<string, unknown>, '')
}

function redactTree(tree: Record<string, unknown>, prefix: string): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}${key}`
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      out[key] = redactTree(value as Record<string, unknown>, `${path}.`)
    } else if (secretSettings.has(path) && value !== undefined) {
      out[key] = '********'
    } else if (typeof value === 'string' && /^[a-z]+:\/\//.test(value)) {
      out[key] = stripPassword(value)
    } else {
      out[key] = value
    }
  }
  return out
}

/** Removes the password part of a URL, keeping the rest readable for diagnosis. */
export function stripPassword(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '********'
    return parsed.toString()
  } catch {
    return url
  }
}
