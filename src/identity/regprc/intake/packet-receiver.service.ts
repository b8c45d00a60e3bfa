import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import type { Db } from '../../../platform/db/index.js'
import { recordAudit } from '../../audit/index.js'
import type { WorkflowEngine } from '../engine/workflow-engine.js'
import { regprcErrors } from '../errors.js'
import type { PacketStore } from '../ports.js'
import type { RegprcTables } from '../schema/regprc.tables.js'
import { packetSources, type SyncType } from '../vocabulary/registration-type.js'

export interface PacketReceiverDeps {
  readonly db: Db
  readonly packets: PacketStore
  readonly engine: WorkflowEngine
}

/**
 * Receives an uploaded packet (raw JSON text): it must have been synced, and match the synced
 * size and SHA-256. Then the packet is stored (encrypted), the registration row created and the
 * workflow started, in one transaction. Refusals name MOSIP's RPR-PKR code; a refused upload of
 * a synced packet is noted on its sync record, so it can be seen and the client can resend.
 */
export async function receivePacket(
  deps: PacketReceiverDeps,
  raw: string,
  actor: string,
): Promise<{ registrationId: string; workflowInstanceId: string }> {
  const rid = ridOf(raw)
  const db = deps.db.withTables<RegprcTables>()
  const sync = await db
    .selectFrom('regprc.registration_list')
    .selectAll()
    .where('reg_id', '=', rid)
    .orderBy('cr_dtimes', 'desc')
    .executeTakeFirst()
  if (!sync) throw regprcErrors.packetNotSynced()
  const refuse = async (error: ReturnType<typeof regprcErrors.packetHashMismatch>) => {
    await db
      .updateTable('regprc.registration_list')
      .set({
        status_code: 'RESEND',
        status_comment: `${error.code} ${error.message}`.slice(0, 256),
        upd_by: actor,
        upd_dtimes: new Date(),
      })
      .where('workflow_instance_id', '=', sync.workflow_instance_id)
      .execute()
    return error
  }
  if (Number(sync.packet_size) !== Buffer.byteLength(raw, 'utf8'))
    throw await refuse(regprcErrors.packetSizeNotMatching())
  const hash = createHash('sha256').update(raw).digest('hex')
  if (hash !== sync.packet_checksum?.toLowerCase())
    throw await refuse(regprcErrors.packetHashMismatch())
  const workflowInstanceId = sync.workflow_instance_id
  const exists = await db
    .selectFrom('regprc.registration')
    .select('workflow_instance_id')
    .where('workflow_instance_id', '=', workflowInstanceId)
    .executeTakeFirst()
  if (exists) throw regprcErrors.duplicatePacket()
  // Stored before the transaction (PGlite has one connection); a second put is ignored.
  await deps.packets.put({ workflowInstanceId, rid, raw, hash })
  const meta = metaOf(raw)
  const now = new Date()
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('regprc.registration')
      .values({
        reg_id: rid,
        process: sync.process ?? '',
        ref_reg_id: null,
        applicant_type: null,
        status_code: 'PROCESSING',
        lang_code: sync.lang_code,
        status_comment: null,
        latest_trn_id: null,
        latest_trn_type_code: null,
        latest_trn_status_code: null,
        latest_trn_dtimes: now,
        reg_process_retry_count: 0,
        reg_stage_name: null,
        trn_retry_count: 0,
        pkt_cr_dtimes: meta.creationDate,
        is_active: true,
        cr_by: actor,
        cr_dtimes: now,
        upd_by: null,
        upd_dtimes: null,
        del_dtimes: null,
        resume_timestamp: null,
        default_resume_action: null,
        pause_rule_ids: null,
        last_success_stage_name: null,
        workflow_instance_id: workflowInstanceId,
        source: meta.source,
      })
      .execute()
    await sql`update regprc.registration_list set status_code = 'RECEIVED', upd_by = ${actor}, upd_dtimes = ${now} where workflow_instance_id = ${workflowInstanceId}`.execute(
      trx,
    )
    await recordAudit(trx, {
      eventId: 'RPR_407',
      eventName: 'ADD',
      eventType: 'BUSINESS',
      appId: 'MOSIP_4',
      appName: 'REGISTRATION_PROCESSOR',
      moduleId: 'RPR-PKR',
      moduleName: 'PACKET_RECEIVER',
      refId: rid,
      refIdType: 'REGISTRATION_ID',
      sessionUserId: actor,
      description: 'Packet received',
    })
    await deps.engine.start(trx, workflowInstanceId, (sync.process ?? 'NEW') as SyncType)
  })
  return { registrationId: rid, workflowInstanceId }
}

function ridOf(raw: string): string {
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    throw regprcErrors.invalidPacketFormat('the packet is not valid JSON')
  }
  const rid = (json as { registrationId?: unknown } | null)?.registrationId
  if (typeof rid !== 'string' || !/^\d{29}$/.test(rid))
    throw regprcErrors.invalidPacketFormat('registrationId must be a 29-digit RID')
  return rid
}

/** What the registration row records of the packet; the validator checks the rest later. */
function metaOf(raw: string): { creationDate: Date | null; source: string } {
  const json = JSON.parse(raw) as { metaInfo?: { creationDate?: unknown }; source?: unknown }
  const created =
    typeof json.metaInfo?.creationDate === 'string' ? new Date(json.metaInfo.creationDate) : null
  const source = packetSources.find((s) => s === json.source) ?? 'REGISTRATION_CLIENT'
  return { creationDate: created && !Number.isNaN(created.getTime()) ? created : null, source }
}
