import { type RawBuilder, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seededPlace, uploadPackets } from '../../../test/e2e/support/reporting-data.js'
import { startTestServer, type TestServer } from '../../../test/support/test-server.js'
import { testBackends } from '../../platform/db/test-database.js'
import { createIdRepoKeyring } from '../idrepo/index.js'
import { MasterDataService } from '../master/index.js'
import { identityModule } from '../identity.module.js'
import { makePacket } from '../regprc/test-support/packet-factory.js'
import { syncItemFor, syncRequest } from '../regprc/test-support/sync-request.js'
import { runSeed } from './run-seed.js'

const second = 1_000
const day = 86_400_000

/** A place and instant a seeded registration was captured at, and the officers on duty. */
interface Capture {
  centerId: string
  machineId: string
  at: Date
  officerId: string
  supervisorId: string
}

// Real packets sent to a server seeded by `mosaic seed`: the registration processor judges
// them against the seeded master data and its MOSIP history (`_h` tables).
describe.each(testBackends)('packets at seeded places on %s', (backend) => {
  let server: TestServer
  let headers: Record<string, string>
  const db = () => server.platform.db

  beforeAll(async () => {
    server = await startTestServer(backend, { modules: [identityModule] })
    const { platform } = server
    await runSeed(
      {
        database: platform.database,
        keyring: createIdRepoKeyring(platform.keys),
        keys: platform.keys,
      },
      { residents: 200, days: 7, seed: 'seeded-packets' },
    )
    headers = {
      ...(await server.staffBearer('sync-officer', ['REGISTRATION_OFFICER'])),
      'content-type': 'application/json',
    }
  }, 180_000)
  afterAll(async () => server?.stop())

  /**
   * The first seeded NEW registration at a center matching `where`, with an officer and a
   * supervisor of that center active at its creation (from user_detail_h).
   */
  async function seededCapture(where: RawBuilder<unknown>): Promise<Capture> {
    const { rows } = await sql<{ reg_id: string; at: string }>`
      select r.reg_id, to_char(r.pkt_cr_dtimes, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at
      from regprc.registration r
      join master.registration_center c on c.id = substr(r.reg_id, 1, 5)
      where r.process = 'NEW' and ${where}
      order by r.pkt_cr_dtimes, r.reg_id limit 1`.execute(db())
    const row = rows[0]
    if (!row) throw new Error('no seeded registration matches')
    const centerId = row.reg_id.slice(0, 5)
    const at = new Date(row.at)
    const onDuty = async (prefix: string) => {
      const { rows: users } = await sql<{ id: string }>`
        select id from master.user_detail_h h
        where id like ${`${prefix}.${centerId}.%`} and eff_dtimes <= ${at}
          and eff_dtimes = (select max(eff_dtimes) from master.user_detail_h
            where id = h.id and eff_dtimes <= ${at})
          and is_active order by id limit 1`.execute(db())
      const user = users[0]
      if (!user) throw new Error(`no ${prefix} on duty at ${centerId}`)
      return user.id
    }
    return {
      centerId,
      machineId: row.reg_id.slice(5, 10),
      at,
      officerId: await onDuty('officer'),
      supervisorId: await onDuty('supervisor'),
    }
  }

  /** Syncs and uploads a NEW packet created at `at`; its transactions once the workflow stops. */
  async function send(capture: Capture, at: Date, officerId = capture.officerId) {
    const { rid, packet } = makePacket({
      centerId: capture.centerId,
      machineId: capture.machineId,
      deviceIds: [`FRS-${capture.machineId}`, `IRS-${capture.machineId}`],
      officerId,
      supervisorId: capture.supervisorId,
      creationDate: at.toISOString(),
    })
    const raw = JSON.stringify(packet)
    const post = (path: string, body: string) =>
      fetch(`${server.url}/registrationprocessor/v1${path}`, { method: 'POST', headers, body })
    const synced = await post(
      '/registrationstatus/sync',
      JSON.stringify(syncRequest([syncItemFor(raw, rid)])),
    )
    expect(synced.status).toBe(200)
    expect((await post('/packetreceiver/registrationpackets', raw)).status).toBe(200)
    return transactionsOf(rid)
  }

  /** The RID's transactions by type, waiting until validation has either passed or failed. */
  async function transactionsOf(rid: string): Promise<Map<string, [string, string, string]>> {
    for (let i = 0; i < 300; i++) {
      const { rows } = await sql<{ type: string; status: string; sub: string; comment: string }>`
        select trn_type_code as type, status_code as status, sub_status_code as sub,
          coalesce(status_comment, '') as comment
        from regprc.registration_transaction where reg_id = ${rid}`.execute(db())
      const byType = new Map(rows.map((r) => [r.type, [r.status, r.sub, r.comment] as const]))
      if (rows.some((r) => r.status === 'FAILED') || byType.has('SUPERVISOR_VALIDATION'))
        return new Map([...byType].map(([type, t]) => [type, [...t]]))
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    throw new Error(`the workflow of ${rid} did not reach the validations`)
  }

  it('passes a packet of an active seeded place and officers through CMD, operator and supervisor validation', async () => {
    const capture = await seededCapture(sql`c.is_active`)
    const trns = await send(capture, new Date(capture.at.getTime() + second))
    expect(trns.get('CMD_VALIDATION')?.slice(0, 2)).toEqual(['SUCCESS', 'RPR-CMD-SUCCESS-001'])
    expect(trns.get('OPERATOR_VALIDATION')?.slice(0, 2)).toEqual(['SUCCESS', 'RPR-OVM-SUCCESS-001'])
    expect(trns.get('SUPERVISOR_VALIDATION')?.slice(0, 2)).toEqual([
      'SUCCESS',
      'RPR-SVM-SUCCESS-001',
    ])
  }, 60_000)

  it('fails CMD for a packet after its center was decommissioned, whose history says it was active before', async () => {
    const capture = await seededCapture(sql`c.is_deleted and r.pkt_cr_dtimes < c.upd_dtimes`)
    const { rows } = await sql<{ closed: string }>`
      select to_char(upd_dtimes, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as closed
      from master.registration_center where id = ${capture.centerId}`.execute(db())
    const closed = new Date(rows[0]?.closed ?? '')
    // What the CMD and user validators ask, straight from the master data service.
    const { platform } = server
    const master = new MasterDataService({ db: db(), bus: platform.bus, cipher: platform.cipher })
    const justBefore = new Date(closed.getTime() - second)
    for (const [kind, id] of [
      ['center', capture.centerId],
      ['machine', capture.machineId],
      ['device', `FRS-${capture.machineId}`],
      ['user', capture.officerId],
    ] as const) {
      expect([kind, await master.wasActiveAt(kind, id, capture.at)]).toEqual([kind, true])
      expect([kind, await master.wasActiveAt(kind, id, justBefore)]).toEqual([kind, true])
      expect([kind, await master.wasActiveAt(kind, id, closed)]).toEqual([kind, false])
    }

    const trns = await send(capture, new Date(closed.getTime() + day))
    expect(trns.get('CMD_VALIDATION')).toEqual([
      'FAILED',
      'RPR-CMD-FAILED-003',
      `Center was InActive during Packet Creation - ${capture.centerId}`,
    ])
  }, 60_000)

  it('fails the operator validation of a packet by an officer after the account was disabled', async () => {
    const { rows } = await sql<{ id: string; disabled: string }>`
      select id, to_char(eff_dtimes, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as disabled
      from master.user_detail_h
      where id like 'officer.%' and not is_active and status_code = 'INA'
        and regcntr_id in (select id from master.registration_center where is_active)
      order by id limit 1`.execute(db())
    const disabled = rows[0]
    if (!disabled) throw new Error('the seed planted no disabled officer')
    const centerId = disabled.id.split('.')[1] ?? ''
    const capture = await seededCapture(
      sql`c.id = ${centerId} and r.pkt_cr_dtimes > ${disabled.disabled}::timestamp`,
    )
    const trns = await send(capture, new Date(capture.at.getTime() + second), disabled.id)
    expect(trns.get('CMD_VALIDATION')?.[0]).toBe('SUCCESS')
    expect(trns.get('OPERATOR_VALIDATION')?.slice(0, 2)).toEqual(['FAILED', 'RPR-OVM-FAILED-004'])
  }, 60_000)

  // Last: it opens the chosen center round the clock and clears every holiday.
  it('passes a packet created now at the place the dashboard tests upload to', async () => {
    const place = await seededPlace(server)
    const [rid] = await uploadPackets(
      server,
      { authorization: headers.authorization ?? '' },
      place,
      1,
    )
    const trns = await transactionsOf(rid ?? '')
    expect(trns.get('CMD_VALIDATION')?.[0]).toBe('SUCCESS')
    expect(trns.get('OPERATOR_VALIDATION')?.[0]).toBe('SUCCESS')
    expect(trns.get('SUPERVISOR_VALIDATION')?.[0]).toBe('SUCCESS')
  }, 60_000)
})
