import type { Transaction } from 'kysely'
import { createCloudEvent, type EventBus } from '../../platform/bus/index.js'
import { type AuditEntry, recordAudit } from '../audit/index.js'

/**
 * Topics, named after MOSIP's WebSub topics (IDENTITY_CREATED, IDENTITY_UPDATED,
 * ACTIVATE_ID/DEACTIVATE_ID, AUTH_TYPE_STATUS_UPDATE) under `identity.`. Event data holds
 * record ids, hashes and codes only: never identity data, never a UIN or VID.
 */
export const idRepoTopics = {
  identityCreated: 'identity.IDENTITY_CREATED',
  identityUpdated: 'identity.IDENTITY_UPDATED',
  identityActivated: 'identity.ACTIVATE_ID',
  identityDeactivated: 'identity.DEACTIVATE_ID',
  authTypeStatusUpdated: 'identity.AUTH_TYPE_STATUS_UPDATE',
  vidCreated: 'identity.VID_CREATED',
  vidRevoked: 'identity.VID_REVOKED',
  vidStatusUpdated: 'identity.VID_STATUS_UPDATED',
} as const

/** MOSIP's ID repository audit events (AuditEvents.java) and modules (AuditModules.java). */
export const idRepoAuditEvents = {
  createIdentity: { id: 'IDR-001', name: 'CREATE_IDENTITY', module: 'IDR-MOD-101' },
  updateIdentity: { id: 'IDR-002', name: 'UPDATE_IDENTITY', module: 'IDR-MOD-102' },
  retrieveByUin: { id: 'IDR-003', name: 'RETRIEVE_IDENTITY_UIN', module: 'IDR-MOD-103' },
  retrieveByRid: { id: 'IDR-004', name: 'RETRIEVE_IDENTITY_RID', module: 'IDR-MOD-103' },
  createVid: { id: 'IDR-005', name: 'CREATE_VID', module: 'IDR-MOD-104' },
  revokeVid: { id: 'IDR-007', name: 'REVOKE_VID', module: 'IDR-MOD-105' },
  regenerateVid: { id: 'IDR-008', name: 'REGENERATE_VID', module: 'IDR-MOD-107' },
  updateVidStatus: { id: 'IDR-009', name: 'UPDATE_VID_STATUS', module: 'IDR-MOD-105' },
  deactivateVids: { id: 'IDR-010', name: 'DEACTIVATE_VID', module: 'IDR-MOD-105' },
  reactivateVids: { id: 'IDR-011', name: 'REACTIVATE_VID', module: 'IDR-MOD-105' },
  retrieveByVid: { id: 'IDR-012', name: 'RETRIEVE_UIN_VID', module: 'IDR-MOD-106' },
  authTypeStatus: { id: 'IDR-016', name: 'UPDATE_AUTH_TYPE_STATUS', module: 'IDR-MOD-102' },
} as const

export type IdRepoAuditEvent = (typeof idRepoAuditEvents)[keyof typeof idRepoAuditEvents]

/** One change: what to audit and what to publish, written in the change's transaction. */
export interface IdRepoChange {
  readonly audit: IdRepoAuditEvent
  readonly actor: string
  /** A record id: uin_ref_id, a VID row id or a RID. */
  readonly refId: string
  readonly refIdType: 'UIN_REF_ID' | 'VID_ID' | 'REGISTRATION_ID'
  readonly description: string
  readonly event?: { topic: string; subject: string; data: Record<string, unknown> }
}

/** Audits the changes and publishes their events as part of `trx`. */
export async function recordChanges(
  trx: Transaction<object>,
  bus: EventBus,
  changes: readonly IdRepoChange[],
): Promise<void> {
  const entries: AuditEntry[] = changes.map((change) => ({
    eventId: change.audit.id,
    eventName: change.audit.name,
    eventType: 'BUSINESS',
    appId: 'ID_REPO',
    appName: 'ID_REPO',
    moduleId: change.audit.module,
    moduleName: change.audit.name,
    refId: change.refId,
    refIdType: change.refIdType,
    sessionUserId: change.actor,
    description: change.description,
  }))
  await recordAudit(trx, ...entries)
  const events = changes.flatMap((change) =>
    change.event
      ? [
          {
            topic: change.event.topic,
            event: createCloudEvent({
              type: `org.mosaic.${change.event.topic}`,
              source: '/mosaic/identity/idrepo',
              subject: change.event.subject,
              data: change.event.data,
            }),
          },
        ]
      : [],
  )
  if (events.length > 0) await bus.publish(events, { trx })
}
