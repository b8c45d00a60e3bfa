import type { Db } from '../../../platform/db/index.js'
import type { RegprcSettings } from '../regprc.settings.js'
import type { RegprcTables } from '../schema/regprc.tables.js'
import { externalStatus, type ExternalStatusCode } from '../vocabulary/external-status.js'
import type { RegistrationStatusCode } from '../vocabulary/status-code.js'

export interface RegistrationStatus {
  readonly registrationId: string
  readonly statusCode: ExternalStatusCode
}

/**
 * MOSIP's registration status search: the external status of each RID's latest workflow
 * instance; a RID that was synced but not uploaded is UPLOAD_PENDING (RESEND after a refused
 * upload); one never synced is left out (the route reports it as RPR-RGS-031, as MOSIP does).
 */
export async function searchStatuses(
  db: Db,
  settings: RegprcSettings,
  rids: readonly string[],
  now: Date = new Date(),
): Promise<RegistrationStatus[]> {
  const tables = db.withTables<RegprcTables>()
  const results: RegistrationStatus[] = []
  for (const rid of rids) {
    const registration = await tables
      .selectFrom('regprc.registration')
      .selectAll()
      .where('reg_id', '=', rid)
      .orderBy('cr_dtimes', 'desc')
      .executeTakeFirst()
    if (registration) {
      results.push({
        registrationId: rid,
        statusCode: externalStatus(
          {
            statusCode: registration.status_code as RegistrationStatusCode,
            latestTransactionType: registration.latest_trn_type_code,
            latestTransactionAt: registration.latest_trn_dtimes,
            lastSuccessStageName: registration.last_success_stage_name,
            retryCount: registration.trn_retry_count ?? 0,
          },
          {
            retryThreshold: settings.externalRetryThreshold,
            elapseSeconds: settings.reprocessElapseSeconds,
            now,
          },
        ),
      })
      continue
    }
    const sync = await tables
      .selectFrom('regprc.registration_list')
      .select('status_code')
      .where('reg_id', '=', rid)
      .orderBy('cr_dtimes', 'desc')
      .executeTakeFirst()
    if (sync)
      results.push({
        registrationId: rid,
        statusCode: sync.status_code === 'RESEND' ? 'RESEND' : 'UPLOAD_PENDING',
      })
  }
  return results
}
