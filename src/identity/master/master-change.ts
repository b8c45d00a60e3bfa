import type { Transaction } from 'kysely'
import { createCloudEvent, type EventBus } from '../../platform/bus/index.js'
import { recordAudit } from '../audit/index.js'
import type { MasterKind } from './errors.js'

export type ChangeAction = 'created' | 'updated' | 'activated' | 'deactivated' | 'decommissioned'
export type ChangedKind = MasterKind | 'zone' | 'location' | 'holiday'

/** A change to master data: codes and ids only, so it can go to the audit log and the bus. */
export interface MasterChange {
  readonly kind: ChangedKind
  readonly action: ChangeAction
  readonly id: string
  readonly zoneCode?: string | null
  readonly centerId?: string | null
}

const events: Record<ChangeAction, { id: string; name: string }> = {
  created: { id: 'ADM-MSD-001', name: 'CREATE' },
  updated: { id: 'ADM-MSD-002', name: 'UPDATE' },
  activated: { id: 'ADM-MSD-003', name: 'ACTIVATE' },
  deactivated: { id: 'ADM-MSD-004', name: 'DEACTIVATE' },
  decommissioned: { id: 'ADM-MSD-005', name: 'DECOMMISSION' },
}

const refIdTypes: Record<ChangedKind, string> = {
  center: 'REGISTRATION_CENTER_ID',
  machine: 'MACHINE_ID',
  device: 'DEVICE_ID',
  user: 'USER_ID',
  zone: 'ZONE_CODE',
  location: 'LOCATION_CODE',
  holiday: 'REGISTRATION_CENTER_ID',
}

/** The bus as master data uses it: publishing in the caller's transaction. */
export type MasterEvents = Pick<EventBus, 'publish'>

/**
 * Audits the change and publishes `identity.master.<kind>.<action>` in the transaction that
 * made it, so the record, its audit entry and its event commit together or not at all.
 */
export async function recordMasterChange<DB>(
  trx: Transaction<DB>,
  bus: MasterEvents,
  actor: string,
  change: MasterChange,
): Promise<void> {
  const event = events[change.action]
  await recordAudit(trx, {
    eventId: event.id,
    eventName: event.name,
    eventType: 'BUSINESS',
    appId: 'ADMIN',
    appName: 'ADMIN',
    moduleId: 'MASTERDATA',
    moduleName: 'MASTERDATA',
    refId: change.id,
    refIdType: refIdTypes[change.kind],
    sessionUserId: actor,
    description: `${change.kind} ${change.id} ${change.action}`,
  })
  await bus.publish(
    [
      {
        topic: `identity.master.${change.kind}.${change.action}`,
        event: createCloudEvent({
          type: `org.mosaic.identity.master.${change.kind}.${change.action}`,
          source: '/mosaic/identity/master',
          subject: change.id,
          data: {
            kind: change.kind,
            id: change.id,
            zoneCode: change.zoneCode ?? null,
            centerId: change.centerId ?? null,
          },
        }),
      },
    ],
    { trx },
  )
}
