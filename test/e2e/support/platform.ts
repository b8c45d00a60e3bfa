import { startTestServer } from '../../support/test-server.js'

/** A running Mosaic the browser test can talk to. */
export interface Platform {
  baseUrl: string
  adminUsername: string
  adminPassword: string
  stop(): Promise<void>
}

/**
 * The real server on embedded PGlite, started as a fresh installation: the admin has a
 * one-time password, so the browser test also walks through the forced password change.
 */
export async function startPlatform(): Promise<Platform> {
  const server = await startTestServer('pglite', { oneTimeAdminPassword: true })
  const admin = server.firstAdmin
  if (!admin?.oneTimePassword)
    throw new Error('a fresh installation must create an admin with a one-time password')
  return {
    baseUrl: server.url,
    adminUsername: admin.username,
    adminPassword: admin.oneTimePassword,
    stop: () => server.stop(),
  }
}
