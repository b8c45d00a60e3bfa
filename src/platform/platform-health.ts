import { statfs } from 'node:fs/promises'
import { sql } from 'kysely'
import type { Platform } from './platform.js'

// Below this much free space PGlite (and logs) risk failing writes; report before it happens.
const minimumFreeBytes = 512 * 1024 * 1024

/** Registers the platform's own health components: the process, the database, the event bus, the data folder. */
export function registerPlatformHealth(platform: Platform): void {
  platform.health.register({
    name: 'process',
    groups: ['liveness'],
    check: async () => ({ status: 'UP', details: { uptimeSeconds: Math.round(process.uptime()) } }),
  })
  platform.health.register({
    name: 'db',
    groups: ['readiness'],
    async check() {
      const started = performance.now()
      await sql`select 1`.execute(platform.db)
      return {
        status: 'UP',
        details: {
          backend: platform.database.backend,
          latencyMs: Math.round(performance.now() - started),
        },
      }
    },
  })
  platform.health.register({
    name: 'bus',
    groups: ['readiness'],
    async check() {
      const { up, details } = await platform.bus.health()
      return { status: up ? 'UP' : 'DOWN', details }
    },
  })
  platform.health.register({
    name: 'diskSpace',
    groups: [],
    async check() {
      const stats = await statfs(platform.settings.home).catch(() => null)
      if (!stats) return { status: 'UNKNOWN' }
      const free = stats.bavail * stats.bsize
      return {
        status: free < minimumFreeBytes ? 'DOWN' : 'UP',
        details: { free, total: stats.blocks * stats.bsize, threshold: minimumFreeBytes },
      }
    },
  })
}
