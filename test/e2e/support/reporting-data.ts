import { sql } from 'kysely'
import { createIdRepoKeyring, makePacket, runSeed } from '../../../src/identity/index.js'
import { syncItemFor, syncRequest } from '../../../src/identity/regprc/test-support/sync-request.js'
import type { TestServer } from '../../support/test-server.js'

/** The reporting API's answer about the data's span. */
export interface Extent {
  firstDay: string | null
  lastDay: string | null
  asOf: string | null
}

type Headers = { authorization: string }

/** GET an enveloped API path; the envelope's response and metadata. */
export async function getEnvelope<T>(
  server: TestServer,
  headers: Headers,
  path: string,
): Promise<{ status: number; response: T; metadata: unknown }> {
  const reply = await fetch(`${server.url}${path}`, { headers })
  const body = (await reply.json()) as { response: T; metadata: unknown }
  return { status: reply.status, response: body.response, metadata: body.metadata }
}

/**
 * Seeds a small country (200 residents over 7 days) into the running server and waits until the
 * reporting lake has caught up with it and the center list is filled.
 */
export async function seedReportingData(server: TestServer, admin: Headers): Promise<Extent> {
  const { platform } = server
  await runSeed(
    {
      database: platform.database,
      keyring: createIdRepoKeyring(platform.keys),
      keys: platform.keys,
    },
    { residents: 200, days: 7, seed: 'dashboards' },
  )
  const seeded = new Date().toISOString()
  for (let i = 0; i < 600; i++) {
    const extent = (await getEnvelope<Extent>(server, admin, '/api/v1/reporting/extent')).response
    const centers = (await getEnvelope<unknown[]>(server, admin, '/api/v1/reporting/centers'))
      .response
    if (extent.lastDay && extent.asOf && extent.asOf > seeded && centers.length > 0) return extent
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error('the reporting lake did not catch up with the seed')
}

/** Where test packets are said to be captured, and by whom: ids the seed made. */
export interface SeededPlace {
  centerId: string
  machineId: string
  deviceIds: string[]
  officerId: string
  supervisorId: string
}

/**
 * A seeded center with a machine, a device, an officer and a supervisor, all active now, where
 * test packets are said to be captured.
 */
export async function seededPlace(server: TestServer): Promise<SeededPlace> {
  const { rows } = await sql<{
    center: string
    machine: string
    device: string
    officer: string
    supervisor: string
  }>`
    select m.regcntr_id as center, m.id as machine, d.id as device, o.id as officer,
      s.id as supervisor
    from master.machine_master m join master.device_master d on d.regcntr_id = m.regcntr_id
    join master.registration_center c on c.id = m.regcntr_id
    join master.user_detail o on o.regcntr_id = c.id and o.id like 'officer.%'
    join master.user_detail s on s.regcntr_id = c.id and s.id like 'supervisor.%'
    where c.is_active and not coalesce(c.is_deleted, false) and m.is_active and d.is_active
      and not coalesce(m.is_deleted, false) and not coalesce(d.is_deleted, false)
      and o.is_active and not coalesce(o.is_deleted, false)
      and s.is_active and not coalesce(s.is_deleted, false)
    order by 1, 2, 3, 4, 5 limit 1`.execute(server.platform.db)
  const row = rows[0]
  if (row === undefined)
    throw new Error('the seed made no center with a machine, a device and active operators')
  // Open round the clock and every day, so packets created now pass the center checks and move
  // on through the pipeline, whatever the hour the test runs.
  await sql`update master.registration_center set center_start_time = '00:00:00',
      center_end_time = '23:59:59', lunch_start_time = '00:00:00', lunch_end_time = '00:00:00'
    where id = ${row.center}`.execute(server.platform.db)
  await sql`delete from master.loc_holiday`.execute(server.platform.db)
  await sql`delete from master.reg_exceptional_holiday where regcntr_id = ${row.center}`.execute(
    server.platform.db,
  )
  await sql`update master.reg_working_nonworking set is_working = true
    where regcntr_id = ${row.center}`.execute(server.platform.db)
  return {
    centerId: row.center,
    machineId: row.machine,
    deviceIds: [row.device],
    officerId: row.officer,
    supervisorId: row.supervisor,
  }
}

/**
 * Syncs and uploads `count` NEW packets created now (so they count as today's), as the
 * registration client does; the server's workflow processes them from there.
 */
export async function uploadPackets(
  server: TestServer,
  officer: Headers,
  place: SeededPlace,
  count: number,
): Promise<string[]> {
  const rids: string[] = []
  for (let i = 0; i < count; i++) {
    const { rid, packet } = makePacket({ ...place, creationDate: new Date().toISOString() })
    const raw = JSON.stringify(packet)
    const post = (path: string, body: string) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { ...officer, 'content-type': 'application/json' },
        body,
      })
    const synced = await post(
      '/registrationprocessor/v1/registrationstatus/sync',
      JSON.stringify(syncRequest([syncItemFor(raw, rid)])),
    )
    if (!synced.ok) throw new Error(`sync failed: ${synced.status} ${await synced.text()}`)
    const uploaded = await post('/registrationprocessor/v1/packetreceiver/registrationpackets', raw)
    if (!uploaded.ok) throw new Error(`upload failed: ${uploaded.status} ${await uploaded.text()}`)
    rids.push(rid)
  }
  return rids
}
