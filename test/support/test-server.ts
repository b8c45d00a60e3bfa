import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { allModules } from '../../src/modules.js'
import { loadSettings, type SettingsInput } from '../../src/platform/config/index.js'
import type { Role } from '../../src/platform/auth/index.js'
import type { Backend } from '../../src/platform/db/index.js'
import { createTestDatabase } from '../../src/platform/db/test-database.js'
import type { Module } from '../../src/platform/module.js'
import { platformMigrations } from '../../src/platform/platform.js'
import { createLogger } from '../../src/platform/telemetry/index.js'
import { type RunningServer, startServer } from '../../src/server.js'

export const testAdmin = { username: 'admin', password: 'correct-horse-battery-42' }

export interface TestServer extends RunningServer {
  /** Signs in and returns a Bearer header for the user. */
  bearer(username?: string, password?: string): Promise<{ authorization: string }>
  /**
   * Creates a staff user through the admin API, signs in past its one-time password and
   * returns its Bearer header.
   */
  staffBearer(
    username: string,
    roles: readonly Role[],
    zones?: readonly string[],
  ): Promise<{ authorization: string }>
}

/**
 * A whole Mosaic process on a fresh database of `backend`, listening on a free loopback port,
 * with an admin whose password is known. Logs are silent unless MOSAIC_TEST_LOG is set.
 */
export async function startTestServer(
  backend: Backend,
  options: {
    overrides?: SettingsInput
    modules?: readonly Module[]
    /** Start as a fresh installation does: the admin gets a one-time password (server.firstAdmin). */
    oneTimeAdminPassword?: boolean
  } = {},
): Promise<TestServer> {
  const modules = options.modules ?? allModules
  const histories = [...platformMigrations, ...modules.flatMap((module) => module.migrations)]
  const database = await createTestDatabase(backend, histories)
  const home = mkdtempSync(join(tmpdir(), 'mosaic-test-'))
  const settings = loadSettings({
    env: {
      MOSAIC_HOME: home,
      PORT: '0',
      MOSAIC_RATE_LIMIT_PER_MINUTE: '10000',
      MOSAIC_LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      MOSAIC_MASTER_KEY: randomBytes(32).toString('base64'),
      MOSAIC_SEED_ON_EMPTY: 'false',
      ...(!options.oneTimeAdminPassword && { MOSAIC_ADMIN_PASSWORD: testAdmin.password }),
    },
    cwd: home,
    ...(options.overrides && { overrides: options.overrides }),
  })
  const logger = createLogger({ level: process.env.MOSAIC_TEST_LOG ?? 'silent' })
  const server = await startServer({ settings, database, modules, logger })
  const post = async (path: string, headers: Record<string, string>, body: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    const json = (await response.json()) as { response: unknown }
    if (!response.ok) throw new Error(`POST ${path} failed: ${JSON.stringify(json)}`)
    return json.response
  }
  const bearer: TestServer['bearer'] = async (
    username = testAdmin.username,
    password = testAdmin.password,
  ) => {
    const response = (await post('/api/v1/auth/login', {}, { username, password }).catch(
      (error: unknown) => {
        throw new Error(`login of ${username} failed: ${String(error)}`)
      },
    )) as { accessToken: string }
    return { authorization: `Bearer ${response.accessToken}` }
  }
  return {
    ...server,
    async stop() {
      await server.stop()
      await database.drop()
    },
    bearer,
    async staffBearer(username, roles, zones = ['*']) {
      const created = (await post('/api/v1/staff-users', await bearer(), {
        username,
        displayName: username,
        roles,
        zones,
      })) as { oneTimePassword: string }
      const password = 'correct-horse-staple-battery-9'
      await post('/api/v1/auth/password', await bearer(username, created.oneTimePassword), {
        currentPassword: created.oneTimePassword,
        newPassword: password,
      })
      return bearer(username, password)
    },
  }
}
