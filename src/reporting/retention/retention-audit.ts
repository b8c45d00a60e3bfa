import type { AuditEntry } from '../../identity/index.js'
import type { PlannedPartition } from './retention-plan.js'

/** Audit event ids of retention (appId `mosaic.reporting`). */
export const retentionAuditEvents = {
  archive: { eventId: 'RPT-RET-001', eventName: 'LAKE_PARTITION_ARCHIVED' },
  purge: { eventId: 'RPT-RET-002', eventName: 'LAKE_PARTITION_PURGED' },
} as const

/** A retention action on one partition. */
export type RetentionAction = keyof typeof retentionAuditEvents

/**
 * The audit entry of one action: dataset and partition in the description and in `refId`
 * (`<dataset>/dt=<day>`); counts and the archive's sha256, never row values.
 */
export function retentionAuditEntry(
  action: RetentionAction,
  partition: PlannedPartition,
  sessionUserId: string,
  detail: string,
): AuditEntry {
  const verb = action === 'archive' ? 'archived' : `purged from the ${partition.tier}`
  return {
    ...retentionAuditEvents[action],
    eventType: sessionUserId === 'SYSTEM' ? 'SYSTEM' : 'USER',
    appId: 'mosaic.reporting',
    appName: 'Mosaic reporting',
    moduleId: 'RPT-RET',
    moduleName: 'Reporting retention',
    refId: `${partition.dataset}/dt=${partition.dt}`,
    refIdType: 'LAKE_PARTITION',
    sessionUserId,
    description:
      `Lake dataset ${partition.dataset} partition dt=${partition.dt} ${verb}: ` +
      `${partition.rows} rows, ${partition.bytes} bytes${detail ? `; ${detail}` : ''}`,
  }
}
