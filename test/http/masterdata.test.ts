import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../src/platform/auth/index.js'
import { testBackends } from '../../src/platform/db/test-database.js'
import { call } from '../support/http-client.js'
import { startTestServer, type TestServer } from '../support/test-server.js'

const base = '/api/v1/masterdata'
const envelope = (request: unknown) => ({
  id: 'mosip.admin.masterdata',
  version: '1.0',
  requesttime: new Date().toISOString(),
  request,
})

const center = {
  name: 'Center A Ben Mansour',
  centerTypeCode: 'REG',
  locationCode: '14022',
  zoneCode: 'RSK',
  addressLine1: 'Avenue 1',
  latitude: '34.0209',
  longitude: '-6.8416',
  centerStartTime: '09:00:00',
  centerEndTime: '17:00:00',
  lunchStartTime: '13:00:00',
  lunchEndTime: '14:00:00',
  timeZone: 'Africa/Casablanca',
  workingNonWorkingDays: { mon: true, tue: true, wed: true, thu: true, fri: true },
  translations: [{ langCode: 'fra', name: 'Centre A' }],
  isActive: true,
}

describe.each(testBackends)('masterdata API on %s', (backend) => {
  let server: TestServer
  let admin: { authorization: string }
  const url = (path: string) => `${server.url}${base}${path}`

  /** A staff user with one role and the given zones, signed in past the one-time password. */
  const staffToken = (username: string, role: Role, zones: string[]) =>
    server.staffBearer(username, [role], zones)

  beforeAll(async () => {
    server = await startTestServer(backend)
    admin = await server.bearer()
    const zone = (code: string, parentZoneCode: string | null) =>
      call(url('/zones'), {
        headers: admin,
        body: envelope({ code, name: code, hierarchyLevelName: 'Level', parentZoneCode }),
      })
    for (const [code, parent] of [
      ['MOR', null],
      ['NTH', 'MOR'],
      ['RSK', 'NTH'],
      ['STH', 'MOR'],
    ] as const)
      expect((await zone(code, parent)).status).toBe(200)
    await call(url('/locations'), {
      headers: admin,
      body: envelope({
        code: '14022',
        name: 'Rabat',
        hierarchyLevel: 3,
        hierarchyLevelName: 'City',
      }),
    })
  })
  afterAll(async () => server?.stop())

  it('creates a center from a MOSIP request and reads it back in each language', async () => {
    const created = await call<{ id: string; zoneCode: string }>(url('/registrationcenters'), {
      headers: admin,
      body: envelope(center),
    })
    expect(created.status).toBe(200)
    expect(created.body.response).toMatchObject({ id: '10001', zoneCode: 'RSK', isActive: true })
    const french = await call<{ name: string }>(url('/registrationcenters/10001/fra'), {
      headers: admin,
    })
    expect(french.body.response?.name).toBe('Centre A')
    const days = await call<{ workingdays: { dayCode: string; working: boolean }[] }>(
      url('/workingdays/10001/eng'),
      { headers: admin },
    )
    expect(days.body.response?.workingdays.filter((d) => d.working).map((d) => d.dayCode)).toEqual([
      '102',
      '103',
      '104',
      '105',
      '106',
    ])
    // Monday 2026-03-02 10:30 in Casablanca (UTC+1).
    const open = await call<{ open: boolean; status: string }>(
      url('/registrationcenters/10001/open?at=2026-03-02T09:30:00Z'),
      { headers: admin },
    )
    expect(open.body.response).toMatchObject({ open: true, status: 'OPEN' })
  })

  it('rejects a malformed request with 400 naming the field', async () => {
    const reply = await call(url('/registrationcenters'), {
      headers: admin,
      body: envelope({ ...center, centerStartTime: '25:00' }),
    })
    expect(reply.status).toBe(400)
    expect(reply.body.errors[0]).toMatchObject({ errorCode: 'MOS-REQ-001' })
    expect(reply.body.errors[0]?.message).toContain('body.request.centerStartTime')
    const missing = await call(url('/machines'), { headers: admin, body: envelope({ name: 'x' }) })
    expect(missing.status).toBe(400)
    expect(missing.body.errors.map((e) => e.message).join(' ')).toContain('body.request.zoneCode')
  })

  it('scopes writes and reads to the staff zones, using the master zone tree', async () => {
    const southAdmin = await staffToken('south-admin', 'ADMIN', ['STH'])
    const refused = await call(url('/registrationcenters/decommission/10001'), {
      method: 'PUT',
      headers: southAdmin,
    })
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0]?.errorCode).toBe('KER-MSD-441')
    const hidden = await call(url('/registrationcenters/10001/eng'), { headers: southAdmin })
    expect(hidden.status).toBe(404)
    // The platform's staff administration now knows RSK lies under NTH.
    const northAdmin = await staffToken('north-admin', 'ADMIN', ['NTH'])
    const child = await call(`${server.url}/api/v1/staff-users`, {
      headers: northAdmin,
      body: {
        username: 'rsk-supervisor',
        displayName: 'x',
        roles: ['REGISTRATION_SUPERVISOR'],
        zones: ['RSK'],
      },
    })
    expect(child.status).toBe(200)
    const auditor = await staffToken('master-auditor', 'AUDITOR', ['*'])
    const page = await call<{ totalItems: number }>(url('/registrationcenters/all'), {
      headers: auditor,
    })
    expect(page.body.response?.totalItems).toBe(1)
    const officer = await staffToken('an-officer', 'REGISTRATION_OFFICER', ['*'])
    expect((await call(url('/registrationcenters/all'), { headers: officer })).status).toBe(403)
  })

  it('refuses to decommission a center with a mapped user, then decommissions it', async () => {
    const mapped = await call(url('/users'), {
      headers: admin,
      body: envelope({
        id: 'officer1',
        name: 'Officer One',
        zoneCode: 'RSK',
        regCenterId: '10001',
      }),
    })
    expect(mapped.status).toBe(200)
    // Admins read the name; the row holds only its ciphertext.
    expect(mapped.body.response).toMatchObject({ id: 'officer1', name: 'Officer One' })
    const listed = await call<{ data: { id: string; name: string }[] }>(url('/users'), {
      headers: admin,
    })
    expect(listed.body.response?.data).toContainEqual(
      expect.objectContaining({ id: 'officer1', name: 'Officer One' }),
    )
    const stored = await sql<{ name: string }>`
      select name from master.user_detail where id = 'officer1'`.execute(server.platform.db)
    expect(stored.rows[0]?.name).toMatch(/^f1\./)
    const refused = await call(url('/registrationcenters/decommission/10001'), {
      method: 'PUT',
      headers: admin,
    })
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0]?.errorCode).toBe('KER-MSD-352')
    expect(JSON.stringify(refused.body)).not.toContain('Officer One')
    const unmapped = await call(url('/users/decommission/officer1'), {
      method: 'PUT',
      headers: admin,
    })
    expect(unmapped.status).toBe(200)
    const done = await call(url('/registrationcenters/decommission/10001'), {
      method: 'PUT',
      headers: admin,
    })
    expect(done.status).toBe(200)
    const again = await call(url('/registrationcenters/decommission/10001'), {
      method: 'PUT',
      headers: admin,
    })
    expect(again.body.errors[0]?.errorCode).toBe('KER-MSD-442')
    const read = await call<{ isDeleted: boolean; isActive: boolean }>(
      url('/registrationcenters/10001/fra'),
      { headers: admin },
    )
    expect(read.body.response).toMatchObject({ isDeleted: true, isActive: false })
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from audit.app_audit_log
      where event_id = 'ADM-MSD-005' and app_id = 'ADMIN' and module_id = 'MASTERDATA'`.execute(
      server.platform.db,
    )
    expect(rows[0]?.n).toBe(2)
  })

  it('toggles a machine with PATCH and publishes its events', async () => {
    const machine = await call<{ id: string }>(url('/machines'), {
      headers: admin,
      body: envelope({ name: 'desk-1', machineSpecId: '1001', zoneCode: 'RSK' }),
    })
    expect(machine.status).toBe(200)
    const id = machine.body.response!.id
    const off = await call(url(`/machines?id=${id}&isActive=false`), {
      method: 'PATCH',
      headers: admin,
    })
    expect(off.status).toBe(200)
    const offAgain = await call(url(`/machines?id=${id}&isActive=false`), {
      method: 'PATCH',
      headers: admin,
    })
    expect(offAgain.body.errors[0]?.errorCode).toBe('MOS-MSD-380')
    const received: string[] = []
    const subscription = await server.platform.bus.subscribe({
      consumer: `masterdata-test-${backend}`,
      topics: ['identity.master.machine.>'],
      handler: (event) => void received.push(event.type),
    })
    await expect
      .poll(() => received, { timeout: 20_000 })
      .toEqual([
        'org.mosaic.identity.master.machine.created',
        'org.mosaic.identity.master.machine.deactivated',
      ])
    await subscription.close()
  })
})
