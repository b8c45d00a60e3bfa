import { randomBytes, randomUUID } from 'node:crypto'
import { pino } from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import type { Role } from '../../platform/auth/index.js'
import { settingsSchema } from '../../platform/config/index.js'
import { createFieldCipher, keyStoreHistory, openKeyStore } from '../../platform/crypto/index.js'
import {
  createTestDatabase,
  testBackends,
  type TestDatabase,
} from '../../platform/db/test-database.js'
import type { HttpApp } from '../../platform/http/index.js'
import { createTestHttpApp } from '../../platform/http/test-http-app.js'
import { createNotifyService, notifyMigrations } from '../../platform/notify/index.js'
import { reportingHistory } from '../cdc/reporting.migrations.js'
import { createReportScheduleService } from './report-schedule.service.js'
import { registerScheduleRoutes } from './schedule.routes.js'

const url = '/api/v1/reports/schedules'
const valid = {
  reportId: 'registrations-per-day',
  params: { window: 'previous-day' },
  format: 'csv',
  recipients: ['ops@example.org'],
  cron: '0 6 * * *',
}

describe.each(testBackends)('report schedule routes on %s', (backend) => {
  let database: TestDatabase
  let app: HttpApp
  afterEach(async () => {
    await app?.close()
    await database?.drop()
  })

  const start = async () => {
    database = await createTestDatabase(backend, [
      keyStoreHistory,
      notifyMigrations,
      reportingHistory,
    ])
    const cipher = createFieldCipher(
      await openKeyStore({ db: database.db, masterKey: randomBytes(32) }),
    )
    // No SMTP relay: notify keeps the email held in its outbox, which is enough for routes.
    const notify = createNotifyService({
      db: database.db,
      cipher,
      settings: settingsSchema.parse({}).notify,
      logger: pino({ level: 'silent' }),
    })
    const service = createReportScheduleService({
      db: database.db,
      cipher,
      notify,
      runReport: async () => [],
    })
    const test = await createTestHttpApp(database.db)
    app = test.app
    registerScheduleRoutes(app, service)
    await app.ready()
    const token = (roles: Role[]) => test.staffToken(roles)
    return {
      admin: await token(['ADMIN']),
      ops: await token(['OPERATIONS']),
      officer: await token(['REGISTRATION_OFFICER']),
    }
  }
  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    auth?: string,
    payload?: object,
  ) =>
    app.inject({
      method,
      url: path,
      ...(auth && { headers: { authorization: auth } }),
      ...(payload && { payload }),
    })

  it('creates, lists (masked for operations), changes, sends now and deletes a schedule', async () => {
    const { admin, ops } = await start()
    const created = await call('POST', url, ops, {
      ...valid,
      recipients: ['ops@example.org', 'b@example.org'],
    })
    expect(created.statusCode).toBe(200)
    const schedule = created.json().response
    expect(schedule).toMatchObject({
      reportId: 'registrations-per-day',
      recipients: ['o***@example.org', 'b***@example.org'],
      recipientsMasked: true,
      timezone: 'UTC',
      enabled: true,
      lastStatus: null,
    })
    const listed = await call('GET', url, admin)
    expect(listed.json().response).toMatchObject([
      {
        id: schedule.id,
        recipients: ['ops@example.org', 'b@example.org'],
        recipientsMasked: false,
      },
    ])

    const changed = await call('PUT', `${url}/${schedule.id}`, admin, {
      format: 'pdf',
      enabled: false,
    })
    expect(changed.json().response).toMatchObject({
      format: 'pdf',
      enabled: false,
      cron: '0 6 * * *',
    })

    const run = await call('POST', `${url}/${schedule.id}/run`, ops)
    expect(run.statusCode).toBe(200)
    expect(run.json().response).toMatchObject({
      status: 'held',
      rowCount: 0,
      schedule: { lastStatus: 'held' },
    })

    expect((await call('DELETE', `${url}/${schedule.id}`, admin)).json().response).toEqual({
      removed: true,
    })
    const gone = await call('DELETE', `${url}/${schedule.id}`, admin)
    expect(gone.statusCode).toBe(404)
    expect(gone.json().errors[0].errorCode).toBe('MOS-RPT-902')
    expect((await call('POST', `${url}/${randomUUID()}/run`, admin)).statusCode).toBe(404)
  })

  it('refuses a bad cron, an unknown report, a bad email and parameters the report does not take', async () => {
    const { admin } = await start()
    const bad = [
      { ...valid, cron: 'every day' },
      { ...valid, cron: '0 0 6 * * *' },
      { ...valid, cron: '61 6 * * *' },
      { ...valid, reportId: 'no-such-report' },
      { ...valid, recipients: ['not-an-address'] },
      { ...valid, recipients: [] },
      { ...valid, recipients: Array.from({ length: 21 }, (_, i) => `u${i}@example.org`) },
      { ...valid, format: 'xlsx' },
      { ...valid, timezone: 'Africa/Nairobi' },
      { ...valid, params: { window: 'yesterday' } },
    ]
    for (const payload of bad) {
      const response = await call('POST', url, admin, payload)
      expect(response.statusCode, JSON.stringify(payload)).toBe(400)
    }
    const oneDay = await call('POST', url, admin, {
      ...valid,
      reportId: 'registrations-by-center',
      params: { window: 'previous-month' },
    })
    expect(oneDay.statusCode).toBe(400)
    expect(oneDay.json().errors[0].errorCode).toBe('MOS-RPT-901')
    const noCenter = await call('POST', url, admin, { ...valid, reportId: 'center-rejections' })
    expect(noCenter.json().errors[0].errorCode).toBe('MOS-RPT-901')
    const badUpdate = await call('PUT', `${url}/${randomUUID()}`, admin, { cron: 'nope' })
    expect(badUpdate.statusCode).toBe(400)
  })

  it('requires ADMIN or OPERATIONS, and ADMIN for an administrators-only report', async () => {
    const { ops, officer } = await start()
    expect((await call('GET', url)).statusCode).toBe(401)
    expect((await call('GET', url, officer)).statusCode).toBe(403)
    expect((await call('POST', url, officer, valid)).statusCode).toBe(403)
    const failed = await call('POST', url, ops, { ...valid, reportId: 'failed-packets' })
    expect(failed.statusCode).toBe(403)
    expect(failed.json().errors[0].errorCode).toBe('MOS-RPT-903')
  })
})
