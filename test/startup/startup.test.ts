import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connect } from '@nats-io/transport-node'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { deleteStreams } from '../../src/platform/bus/test-bus.js'
import { testPostgresUrl } from '../../src/platform/db/test-database.js'
import { call } from '../support/http-client.js'
import { spawnMosaic } from '../support/spawn-mosaic.js'

const natsUrl = process.env.MOSAIC_TEST_NATS_URL ?? 'nats://127.0.0.1:4222'

function freshDatabaseUrl(): string {
  const url = new URL(testPostgresUrl)
  url.pathname = `/mosaic_start_${randomBytes(4).toString('hex')}`
  return url.toString()
}

async function dropDatabase(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: testPostgresUrl })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`)
  await admin.end()
}

async function deleteStream(name: string): Promise<void> {
  const connection = await connect({ servers: natsUrl })
  await deleteStreams(connection, name)
  await connection.close()
}

async function healthOf(url: string) {
  const response = await fetch(`${url}/health`)
  return { status: response.status, body: (await response.json()) as { status: string } }
}

describe('mosaic up', () => {
  it('starts on embedded defaults, serves /health UP, and stops cleanly on SIGTERM', async () => {
    const home = mkdtempSync(join(tmpdir(), 'mosaic-home-'))
    const mosaic = spawnMosaic(['up'], { MOSAIC_HOME: home, PORT: '0' })
    const url = await mosaic.ready()
    expect(await healthOf(url)).toEqual({
      status: 200,
      body: expect.objectContaining({ status: 'UP' }),
    })
    expect(mosaic.output()).toMatch(/one-time password/)
    expect(mosaic.output()).toContain(`PGlite in ${home}/pgdata`)
    mosaic.child.kill('SIGTERM')
    expect(await mosaic.exited()).toBe(0)

    // A second start reuses the data: no new administrator, no second password.
    const again = spawnMosaic(['up'], { MOSAIC_HOME: home, PORT: '0' })
    await healthOf(await again.ready())
    expect(again.output()).not.toMatch(/one-time password/)
    again.child.kill('SIGTERM')
    expect(await again.exited()).toBe(0)
  })

  it('runs as several processes sharing PostgreSQL and NATS JetStream', async () => {
    const env = {
      MOSAIC_HOME: mkdtempSync(join(tmpdir(), 'mosaic-home-')),
      PORT: '0',
      DATABASE_URL: freshDatabaseUrl(),
      NATS_URL: natsUrl,
      MOSAIC_BUS_STREAM: `MOSAIC_START_${randomBytes(4).toString('hex')}`,
      MOSAIC_MASTER_KEY: randomBytes(32).toString('base64'),
      MOSAIC_ADMIN_PASSWORD: 'shared-operator-passphrase',
    }
    const web = spawnMosaic(['up', '--only', 'web'], env)
    const webUrl = await web.ready()
    const api = spawnMosaic(['up'], env)
    const apiUrl = await api.ready()
    try {
      for (const url of [webUrl, apiUrl]) expect((await healthOf(url)).body.status).toBe('UP')
      expect(api.output()).toContain('NATS JetStream')
      expect(api.output()).toContain('PostgreSQL postgres://')
      // A token issued by one process is honoured by the other: keys live in the shared database.
      const signIn = await call<{ accessToken: string }>(`${webUrl}/api/v1/auth/login`, {
        body: { username: 'admin', password: 'shared-operator-passphrase' },
      })
      const me = await call<{ username: string }>(`${apiUrl}/api/v1/auth/me`, {
        headers: { authorization: `Bearer ${signIn.body.response!.accessToken}` },
      })
      expect(me.body.response?.username).toBe('admin')
      const health = (await (
        await fetch(`${apiUrl}/health`, {
          headers: { authorization: `Bearer ${signIn.body.response!.accessToken}` },
        })
      ).json()) as { components: Record<string, { status: string; details?: object }> }
      expect(health.components.bus).toMatchObject({
        status: 'UP',
        details: { backend: 'jetstream', relayBacklog: 0 },
      })
    } finally {
      web.child.kill('SIGTERM')
      api.child.kill('SIGTERM')
      expect(await web.exited()).toBe(0)
      expect(await api.exited()).toBe(0)
      await dropDatabase(env.DATABASE_URL)
      await deleteStream(env.MOSAIC_BUS_STREAM)
    }
  })

  it('refuses to start with a bad setting and names it', async () => {
    const mosaic = spawnMosaic(['up'], {
      MOSAIC_HOME: mkdtempSync(join(tmpdir(), 'mosaic-home-')),
      PORT: 'eighty',
    })
    expect(await mosaic.exited()).toBe(1)
    expect(mosaic.output()).toMatch(/server\.port \(from env PORT\)/)
  })
})
