import { createHash } from 'node:crypto'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import {
  registrationTransactionVersions,
  registrationVersions,
} from '../collation/collation-datasets.js'
import { latestVersionsView } from '../collation/latest-versions-view.js'
import type { LakeRow } from '../lake/lake-dataset.js'
import type { RetentionPolicies } from './retention-policy.js'

/** The day retention runs in these tests. */
export const today = '2026-01-01'
/** Archive before 2025-12-12, purge before 2025-11-22. */
export const policies: RetentionPolicies = {
  registration: { archiveAfterDays: 20, purgeAfterDays: 40 },
  registration_transaction: { archiveAfterDays: 20, purgeAfterDays: 40 },
  registration_rollup_daily: {},
}
export const purgeBefore = '2025-11-22'
export const archiveBefore = '2025-12-12'
const dayMs = 86_400_000
/** `day` plus `n` days. */
export const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10)

/** Three registrations a day from 2025-11-01 to 2025-12-31; two of them end two days later. */
export function facts(): { regs: LakeRow[]; trns: LakeRow[]; rollups: LakeRow[] } {
  const regs: LakeRow[] = []
  const trns: LakeRow[] = []
  const rollups: LakeRow[] = []
  for (let day = '2025-11-01'; day <= '2025-12-31'; day = addDays(day, 1)) {
    for (let i = 0; i < 3; i++) {
      const id = `${day.replaceAll('-', '')}${i}`
      const base = {
        workflow_instance_id: id,
        reg_id: `1000${i + 1}${id.padStart(24, '0')}`,
        center_id: `1000${i + 1}`,
        process: i === 2 ? 'UPDATE' : 'NEW',
        status_code: 'PROCESSING',
        latest_trn_id: `t-${id}`,
        latest_trn_dtimes: `${day}T09:00:00.000Z`,
        pkt_cr_dtimes: `${day}T08:00:00.000Z`,
        change_key: `reg:${id}@1`,
        change_time: `${day}T09:00:00.000Z`,
        deleted: false,
        dt: day,
      }
      regs.push(base)
      trns.push({
        id: `t-${id}`,
        reg_id: base.reg_id,
        center_id: base.center_id,
        trn_type_code: 'PACKET_RECEIVER',
        sub_status_code: null,
        status_comment: null,
        cr_dtimes: `${day}T09:00:00.000Z`,
        change_key: `trn:${id}@1`,
        change_time: `${day}T09:00:00.000Z`,
        deleted: false,
        dt: day,
      })
      const later = addDays(day, 2)
      if (i < 2 && later <= '2025-12-31') {
        regs.push({
          ...base,
          status_code: i === 0 ? 'PROCESSED' : 'REJECTED',
          latest_trn_dtimes: `${later}T10:00:00.000Z`,
          change_key: `reg:${id}@2`,
          change_time: `${later}T10:00:00.000Z`,
          dt: later,
        })
      }
    }
    rollups.push({
      period_start: day,
      center_id: '10001',
      zone_code: null,
      process: 'NEW',
      status_code: 'PROCESSED',
      stage: null,
      created: 1,
      became_final: 1,
      transactions: 1,
      dt: day,
    })
  }
  return { regs, trns, rollups }
}

/** Per day: NEW created, became final, transactions; as the reports define them. */
export const reportSql = `
  WITH reg AS (${latestVersionsView(registrationVersions)}),
  trn AS (${latestVersionsView(registrationTransactionVersions)})
  SELECT CAST(d AS VARCHAR) AS day, CAST(sum(c) AS BIGINT) AS created,
    CAST(sum(f) AS BIGINT) AS final, CAST(sum(t) AS BIGINT) AS transactions
  FROM (
    SELECT CAST(pkt_cr_dtimes AS DATE) AS d, CAST(process = 'NEW' AS INT) AS c, 0 AS f, 0 AS t FROM reg
    UNION ALL SELECT CAST(latest_trn_dtimes AS DATE), 0, 1, 0 FROM reg
      WHERE status_code IN ('PROCESSED', 'REJECTED', 'FAILED', 'REPROCESS_FAILED')
    UNION ALL SELECT CAST(cr_dtimes AS DATE), 0, 0, 1 FROM trn
  ) WHERE d >= DATE '${purgeBefore}' GROUP BY d ORDER BY d`

/** SHA-256 of every file under `dir`, by relative path. */
export async function treeDigest(dir: string): Promise<Record<string, string>> {
  const digest: Record<string, string> = {}
  const names = await readdir(dir, { recursive: true }).catch(() => [] as string[])
  for (const name of names.map(String).sort()) {
    const content = await readFile(join(dir, name)).catch(() => null)
    if (content !== null) digest[name] = createHash('sha256').update(content).digest('hex')
  }
  return digest
}
