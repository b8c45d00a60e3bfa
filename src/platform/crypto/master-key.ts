import { randomBytes } from 'node:crypto'
import {
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import type { Settings } from '../config/index.js'
import { cryptoErrors } from './errors.js'

/** The key that encrypts every key in the key store. */
export interface MasterKey {
  /** 32 bytes. Never log or return it. */
  readonly key: Buffer
  /** Where it came from: the `crypto.masterKey` setting or the `<home>/master.key` file. */
  readonly source: 'setting' | 'file'
  /** The file, when the key came from one. */
  readonly path: string | null
  /** True when this call created the file: the caller should warn that it must be backed up. */
  readonly created: boolean
  /** True when the file can be read by other users than its owner. */
  readonly insecurePermissions: boolean
}

const BASE64_32_BYTES = /^[A-Za-z0-9+/]{43}=$/

/**
 * Returns the master key from settings, else from `<home>/master.key`, creating that file once
 * (mode 0600) for embedded, single-machine use. Production deployments set `crypto.masterKey`.
 */
export function loadMasterKey(settings: Pick<Settings, 'home' | 'crypto'>): MasterKey {
  const configured = settings.crypto.masterKey
  if (configured !== undefined) {
    return {
      key: decode(configured, 'crypto.masterKey'),
      source: 'setting',
      path: null,
      created: false,
      insecurePermissions: false,
    }
  }
  const path = join(settings.home, 'master.key')
  const created = createOnce(path)
  const key = decode(readFileSync(path, 'utf8').trim(), path)
  const insecurePermissions = process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0
  return { key, source: 'file', path, created, insecurePermissions }
}

/**
 * Writes a complete file beside the target and links it into place: the link either creates
 * the file whole or fails because another process won, so no reader ever sees a half-written key.
 */
function createOnce(path: string): boolean {
  if (existsSync(path)) return false
  mkdirSync(join(path, '..'), { recursive: true })
  const staging = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  writeFileSync(staging, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' })
  try {
    linkSync(staging, path)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  } finally {
    rmSync(staging, { force: true })
  }
}

function decode(text: string, origin: string): Buffer {
  if (!BASE64_32_BYTES.test(text)) throw cryptoErrors.masterKeyFileInvalid(origin)
  return Buffer.from(text, 'base64')
}
