import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../test/support/test-server.js'
import { createIdRepoKeyring, runSeed } from '../identity/index.js'
import { testBackends } from '../platform/db/test-database.js'
import { decodeExport, pdfShowsRows } from './export/export-decode.test-kit.js'
import { reportCatalog, reportIds, type ReportId } from './report-catalog.js'
import { oracleReport } from './report-oracle.test-kit.js'

type Params = Record<string, string>
interface Answer {
  status: number
  rows: Record<string, unknown>[]
  errorCode: string | undefined
  asOf: string | null | undefined
}

// The seed's 14-day window ends (exclusive) at its default --until, 2026-01-01.
const window = { from: '2025-12-18', to: '2025-12-31' }

describe.each(testBackends)('reports from a running server on %s', (backend) => {
  let server: TestServer
  let admin: { authorization: string }
  let busiest: { center: string; date: string }

  beforeAll(async () => {
    server = await startTestServer(backend)
    admin = await server.bearer()
    const { platform } = server
    await runSeed(
      {
        database: platform.database,
        keyring: createIdRepoKeyring(platform.keys),
        keys: platform.keys,
      },
      { residents: 500, days: 14, seed: 'reports-api' },
    )
    const seeded = new Date().toISOString()
    // The lake is current once the capture has passed the end of the seed.
    for (let i = 0; ; i++) {
      const { asOf } = await get('registrations-per-day', window)
      if (asOf && asOf > seeded) break
      if (i > 300) throw new Error('the lake did not catch up with the seed')
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    const { rows } = await sql<{ center: string; date: string }>`
      select substr(reg_id, 1, 5) as center, to_char(pkt_cr_dtimes, 'YYYY-MM-DD') as date
      from regprc.registration group by 1, 2 order by count(*) desc, 1, 2 limit 1`.execute(
      platform.db,
    )
    busiest = rows[0]!
  }, 300_000)
  afterAll(async () => server?.stop())

  async function get(id: string, params: Params, who = admin): Promise<Answer> {
    const query = new URLSearchParams(params).toString()
    const response = await fetch(`${server.url}/api/v1/reports/${id}?${query}`, { headers: who })
    const body = (await response.json()) as {
      response: Record<string, unknown>[] | null
      metadata: { asOf?: string | null } | null
      errors: { errorCode: string }[]
    }
    return {
      status: response.status,
      rows: body.response ?? [],
      errorCode: body.errors[0]?.errorCode,
      asOf: body.metadata?.asOf,
    }
  }

  /** Every report with a day, a range or both, and with and without the busiest center. */
  function cases(): [ReportId, Params][] {
    const day = busiest.date
    const one = { from: day, to: day }
    const past = { from: '2025-12-25', to: '2026-01-10' }
    const list: [ReportId, Params][] = []
    for (const id of reportIds) {
      const shape = Object.keys((reportCatalog[id].params as unknown as { shape: object }).shape)
      const needsCenter = id === 'center-rejections'
      const dates: Params[] = shape.includes('date')
        ? [{ date: day }, { date: '2025-12-31' }, { date: '2026-02-01' }]
        : [window, one, past]
      for (const dates_ of dates) {
        if (!needsCenter) list.push([id, dates_])
        if (shape.includes('center')) list.push([id, { ...dates_, center: busiest.center }])
      }
    }
    return list
  }

  it('answers every report as JSON rows equal to the independent SQL', async () => {
    let nonEmpty = 0
    for (const [id, params] of cases()) {
      const answer = await get(id, params)
      expect(answer.status, `${id} ${JSON.stringify(params)}`).toBe(200)
      const expected = await oracleReport(server.platform.db, id, params as never)
      expect(answer.rows, `${id} ${JSON.stringify(params)}`).toEqual(expected)
      if (expected.length > 0) nonEmpty++
    }
    expect(nonEmpty).toBeGreaterThan(20)
  }, 240_000)

  it('exports every report as json, csv, xlsx and pdf with the same rows', async () => {
    for (const id of reportIds) {
      const params: Params =
        'date' in (reportCatalog[id].params as unknown as { shape: object }).shape
          ? { date: busiest.date }
          : { ...window, ...(id === 'center-rejections' && { center: busiest.center }) }
      const expected = await oracleReport(server.platform.db, id, params as never)
      for (const format of ['json', 'csv', 'xlsx', 'pdf'] as const) {
        const query = new URLSearchParams({ ...params, format }).toString()
        const response = await fetch(`${server.url}/api/v1/reports/${id}/export?${query}`, {
          headers: admin,
        })
        expect(response.status, `${id} ${format}`).toBe(200)
        expect(response.headers.get('content-disposition')).toContain(`${id}_`)
        const body = Buffer.from(await response.arrayBuffer())
        if (format === 'pdf') expect(pdfShowsRows(reportCatalog[id], body, expected)).toBe(true)
        else
          expect(decodeExport(format, reportCatalog[id], body), `${id} ${format}`).toEqual(expected)
      }
    }
  }, 240_000)

  it("shows staff only their zones' centers, and failed packets only to administrators", async () => {
    const { rows } = await sql<{ id: string; zone_code: string }>`
      select distinct id, zone_code from master.registration_center order by id`.execute(
      server.platform.db,
    )
    const zone = rows.find((r) => r.id === busiest.center)!.zone_code
    const inZone = new Set(rows.filter((r) => r.zone_code === zone).map((r) => r.id))
    const outside = rows.find((r) => !inZone.has(r.id))!
    const officer = await server.staffBearer('zonal1', ['REGISTRATION_SUPERVISOR'], [zone])

    const all = await oracleReport(server.platform.db, 'registrations-by-center', {
      date: busiest.date,
    })
    const mine = await get('registrations-by-center', { date: busiest.date }, officer)
    expect(mine.rows).toEqual(all.filter((row) => inZone.has(row.center_id)))
    expect(mine.rows.length).toBeLessThan(all.length)

    const forbidden = await get(
      'registrations-by-center',
      { date: busiest.date, center: outside.id },
      officer,
    )
    expect([forbidden.status, forbidden.errorCode]).toEqual([403, 'MOS-RPT-003'])
    const failed = await get('failed-packets', window, officer)
    expect([failed.status, failed.errorCode]).toEqual([403, 'MOS-RPT-004'])
    const catalog = await fetch(`${server.url}/api/v1/reports`, { headers: officer })
    const listed = ((await catalog.json()) as { response: { id: string }[] }).response.map(
      (r) => r.id,
    )
    expect(listed).not.toContain('failed-packets')
    expect(listed).toContain('registrations-per-day')
  }, 120_000)

  it('refuses unknown reports, bad parameters and callers who are not signed in', async () => {
    expect(await get('no-such-report', window)).toMatchObject({
      status: 404,
      errorCode: 'MOS-RPT-001',
    })
    const bad = await get('registrations-by-center', { date: '2025-02-30' })
    expect([bad.status, bad.errorCode]).toEqual([400, 'MOS-RPT-002'])
    const range = await get('registrations-per-day', { from: '2025-12-31', to: '2025-12-01' })
    expect([range.status, range.errorCode]).toEqual([400, 'MOS-RPT-002'])
    const anonymous = await fetch(
      `${server.url}/api/v1/reports/registrations-per-day?from=2025-12-01&to=2025-12-02`,
    )
    expect(anonymous.status).toBe(401)
  })
})
