import { randomUUID } from 'node:crypto'
import { hostname, networkInterfaces } from 'node:os'
import { type QueryExecutorProvider, sql } from 'kysely'

/** MOSIP's audit event types. */
export type AuditEventType = 'BUSINESS' | 'SYSTEM' | 'SECURITY' | 'USER' | 'APPLICATION' | 'BATCH'

/**
 * One audited action, in MOSIP's vocabulary: `eventId`/`eventName` and `appId`/`moduleId` are
 * MOSIP's codes where MOSIP has them (e.g. RPR_402 UPDATE, MOSIP_4 REGISTRATION_PROCESSOR,
 * IDR-001, IDA_001). `refId` is a record id (RID, uin_ref_id, a hash): never personal data,
 * and neither is `description`.
 */
export interface AuditEntry {
  readonly eventId: string
  readonly eventName: string
  readonly eventType: AuditEventType
  readonly appId: string
  readonly appName: string
  readonly moduleId?: string
  readonly moduleName?: string
  readonly refId?: string
  readonly refIdType?: string
  /**
   * Who acted: a staff username, a partner id, or SYSTEM. There is no `sessionUserName`:
   * MOSIP writes the person's display name to `session_user_name`, Mosaic leaves it null.
   */
  readonly sessionUserId: string
  readonly description?: string
  /** When the action happened; defaults to now. */
  readonly actionAt?: Date
}

const host = { name: hostname().slice(0, 128), ip: firstAddress() }

/**
 * Appends entries to `audit.app_audit_log`. Pass the transaction that made the change, so the
 * action and its audit record commit or roll back together.
 */
export async function recordAudit(
  executor: QueryExecutorProvider,
  ...entries: readonly AuditEntry[]
): Promise<void> {
  if (entries.length === 0) return
  const now = new Date()
  const rows = entries.map(
    (entry) => sql`(
      ${randomUUID()}, ${now}, ${entry.description?.slice(0, 2048) ?? null}, ${entry.eventId},
      ${entry.eventType}, ${entry.eventName}, ${entry.actionAt ?? now}, ${host.name}, ${host.ip},
      ${entry.sessionUserId}, null, ${entry.appId}, ${entry.appName},
      ${entry.moduleId ?? null}, ${entry.moduleName ?? null}, ${entry.refId ?? null},
      ${entry.refIdType ?? null}, ${entry.sessionUserId})`,
  )
  // Plain SQL, so that any Kysely handle or transaction can record, whatever its table types.
  await sql`
    insert into audit.app_audit_log (log_id, log_dtimes, log_desc, event_id, event_type,
      event_name, action_dtimes, host_name, host_ip, session_user_id, session_user_name, app_id,
      app_name, module_id, module_name, ref_id, ref_id_type, cr_by)
    values ${sql.join(rows)}`.execute(executor)
}

function firstAddress(): string {
  const addresses = Object.values(networkInterfaces()).flat()
  const external = addresses.find((address) => address && !address.internal)
  return external?.address ?? '127.0.0.1'
}
