import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import {
  createTestDatabase,
  testBackends,
  type TestDatabase,
} from '../../platform/db/test-database.js'
import { auditHistory } from './audit.migrations.js'
import { recordAudit } from './audit-log.js'
import type { AuditTables } from './audit.tables.js'

describe.each(testBackends)('audit log on %s', (backend) => {
  let database: TestDatabase | undefined
  afterEach(async () => {
    await database?.drop()
    database = undefined
  })

  it('records entries in MOSIP columns, with the host and UTC times', async () => {
    database = await createTestDatabase(backend, [auditHistory])
    const db = database.db.withTables<AuditTables>()
    const actionAt = new Date('2026-03-01T08:30:00.000Z')
    await recordAudit(db, {
      eventId: 'RPR_402',
      eventName: 'UPDATE',
      eventType: 'BUSINESS',
      appId: 'MOSIP_4',
      appName: 'REGISTRATION_PROCESSOR',
      moduleId: 'RPR-CMD',
      moduleName: 'CMD_VALIDATOR',
      refId: '10001100010000120260301083000',
      refIdType: 'REGISTRATION_ID',
      sessionUserId: 'SYSTEM',
      description: 'CMD Validation is Successful',
      actionAt,
    })
    const rows = await db.selectFrom('audit.app_audit_log').selectAll().execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      event_id: 'RPR_402',
      app_id: 'MOSIP_4',
      ref_id_type: 'REGISTRATION_ID',
      session_user_id: 'SYSTEM',
      cr_by: 'SYSTEM',
      action_dtimes: actionAt,
    })
    expect(rows[0]?.host_name.length).toBeGreaterThan(0)
    expect(Math.abs(rows[0]!.log_dtimes.getTime() - Date.now())).toBeLessThan(60_000)
  })

  it('commits and rolls back with the caller transaction', async () => {
    database = await createTestDatabase(backend, [auditHistory])
    const db = database.db
    const entry = {
      eventId: 'IDR-002',
      eventName: 'Update Identity',
      eventType: 'BUSINESS',
      appId: 'ID_REPO',
      appName: 'ID_REPO',
      sessionUserId: 'admin',
    } as const
    await expect(
      db.transaction().execute(async (trx) => {
        await recordAudit(trx, entry, entry)
        throw new Error('the change failed')
      }),
    ).rejects.toThrow('the change failed')
    await db.transaction().execute((trx) => recordAudit(trx, entry))
    const { rows } = await sql<{
      n: number
    }>`select count(*)::int as n from audit.app_audit_log`.execute(db)
    expect(rows[0]?.n).toBe(1)
  })
})
