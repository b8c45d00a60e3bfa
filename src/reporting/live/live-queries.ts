import { sql } from 'kysely'
import type { Db } from '../../platform/db/index.js'
import type { AuthAttemptFact } from './auth-window.js'
import { windowStart } from './auth-window.js'
import { finalStatuses, notStartedStage } from './live-snapshot.js'
import type { RegistrationFact } from './registration-counters.js'

interface RegistrationRow {
  workflow_instance_id: string
  center: string
  process: string
  status_code: string
  stage: string | null
  packet_day: string | null
}

// Codes and dates only: the RID's first five digits are the center; nothing personal is read.
const registrationColumns = sql`workflow_instance_id, substr(reg_id, 1, 5) as center, process,
  status_code, reg_stage_name as stage, to_char(pkt_cr_dtimes, 'YYYY-MM-DD') as packet_day`

const finalList = sql.join([...finalStatuses].map((status) => sql.lit(status)))

function factOf(row: RegistrationRow): RegistrationFact {
  return {
    center: row.center,
    process: row.process,
    status: row.status_code,
    stage: row.stage ?? notStartedStage,
    packetDay: row.packet_day,
  }
}

/**
 * Every registration the live counters track on `day`: those whose packet was created that day
 * or later, and those not in a final status.
 */
export async function loadRegistrationFacts(
  db: Db,
  day: string,
): Promise<Map<string, RegistrationFact>> {
  const { rows } = await sql<RegistrationRow>`
    select ${registrationColumns} from regprc.registration
    where coalesce(is_deleted, false) = false
      and (status_code not in (${finalList}) or pkt_cr_dtimes >= ${day}::timestamp)`.execute(db)
  return new Map(rows.map((row) => [row.workflow_instance_id, factOf(row)]))
}

/** One registration's current state; null when it does not exist (or was deleted). */
export async function loadRegistrationFact(
  db: Db,
  workflowInstanceId: string,
): Promise<RegistrationFact | null> {
  const { rows } = await sql<RegistrationRow>`
    select ${registrationColumns} from regprc.registration
    where workflow_instance_id = ${workflowInstanceId}
      and coalesce(is_deleted, false) = false`.execute(db)
  const row = rows[0]
  return row ? factOf(row) : null
}

/** Authentication attempts requested inside the window ending at `now` (or later). */
export async function loadAuthAttempts(db: Db, now: Date): Promise<AuthAttemptFact[]> {
  const from = new Date(windowStart(now)).toISOString()
  const { rows } = await sql<{ id: string; requested_at: Date; status_code: string }>`
    select id, request_dtimes as requested_at, status_code from ida.auth_transaction
    where request_dtimes >= ${from}::timestamptz at time zone 'UTC'
      and coalesce(is_deleted, false) = false`.execute(db)
  return rows.map((row) => ({
    id: row.id,
    requestedAt: row.requested_at,
    success: row.status_code === 'Y',
  }))
}
