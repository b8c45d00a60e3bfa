import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import type { FieldCipher } from '../../../platform/crypto/index.js'
import type { Db } from '../../../platform/db/index.js'
import { httpErrors } from '../../../platform/http/index.js'
import { recordAudit } from '../../audit/index.js'
import { regprcErrors } from '../errors.js'
import { ridProblem } from '../rid.js'
import type { RegprcTables } from '../schema/regprc.tables.js'
import { syncTypes, type SyncType } from '../vocabulary/registration-type.js'
import { supervisorStatuses, type SupervisorStatus } from '../vocabulary/status-code.js'
import { syncItemSchema, type SyncItem, type SyncResult } from './sync.schema.js'

/**
 * The registration client's sync: announces packets (type, hash, size, supervisor decision)
 * before they are uploaded, one registration_list row each. Each item succeeds or fails on
 * its own, with MOSIP's RPR-RGS codes in MOSIP's order; fields MOSIP does not check get
 * MOS-REQ-001. Name, phone and email are stored encrypted.
 */
export async function syncRegistrations(
  deps: { db: Db; cipher: FieldCipher },
  items: readonly unknown[],
  actor: string,
): Promise<SyncResult[]> {
  const results: SyncResult[] = []
  for (const raw of items) {
    const item = isRecord(raw) ? raw : null
    const rid = typeof item?.registrationId === 'string' ? item.registrationId : null
    const problem = item ? mosipCheck(item) : fieldError(undefined)
    const parsed = problem ? undefined : syncItemSchema.safeParse(raw)
    if (!parsed?.success) {
      const error = problem ?? fieldError(parsed?.error)
      results.push({
        registrationId: rid,
        status: 'FAILURE',
        errorCode: error.code,
        message: error.message,
      })
      continue
    }
    await upsert(deps, parsed.data, actor)
    results.push({ registrationId: rid, packetId: parsed.data.packetId ?? rid, status: 'SUCCESS' })
  }
  return results
}

/**
 * MOSIP's checks, in its order (`SyncRegistrationServiceImpl.validateSync`): language code,
 * registration type, hash present, supervisor status, RID present, then the kernel RID
 * validator (length, digits, timestamp).
 */
function mosipCheck(item: Record<string, unknown>) {
  if (typeof item.langCode !== 'string' || item.langCode.length !== 3)
    return regprcErrors.invalidLanguageCode()
  if (!syncTypes.includes(item.registrationType as SyncType)) return regprcErrors.invalidSyncType()
  if (item.packetHashValue == null) return regprcErrors.missingHashValue()
  if (!supervisorStatuses.includes(item.supervisorStatus as SupervisorStatus))
    return regprcErrors.invalidSupervisorStatus()
  if (item.registrationId == null) return regprcErrors.emptyRid()
  if (typeof item.registrationId !== 'string') return regprcErrors.invalidRid('type')
  const rule = ridProblem(item.registrationId)
  return rule ? regprcErrors.invalidRid(rule) : null
}

/** Names the first failing field of what MOSIP does not check itself (never its value). */
function fieldError(error: z.ZodError | undefined) {
  const issue = error?.issues[0]
  const field = issue?.path.join('.') || 'request'
  return httpErrors.invalidInput(`request.${field}`, issue?.message ?? 'invalid')
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

async function upsert(deps: { db: Db; cipher: FieldCipher }, item: SyncItem, actor: string) {
  const db = deps.db.withTables<RegprcTables>()
  const rid = item.registrationId ?? ''
  const packetId = item.packetId ?? rid
  const existing = await db
    .selectFrom('regprc.registration_list')
    .select('workflow_instance_id')
    .where('packet_id', '=', packetId)
    .executeTakeFirst()
  const workflowInstanceId = existing?.workflow_instance_id ?? randomUUID()
  // Once the packet is in process, a repeated sync changes nothing (MOSIP answers SUCCESS).
  if (existing) {
    const started = await db
      .selectFrom('regprc.registration')
      .select('workflow_instance_id')
      .where('workflow_instance_id', '=', workflowInstanceId)
      .executeTakeFirst()
    if (started) return
  }
  const seal = async (value: string | null | undefined, field: string) =>
    value ? deps.cipher.encrypt(value, { recordId: workflowInstanceId, field }) : null
  const now = new Date()
  const values = {
    reg_id: rid,
    process: item.registrationType,
    packet_checksum: item.packetHashValue.toLowerCase(),
    packet_size: item.packetSize,
    client_status_code: item.supervisorStatus,
    // Free text may name the applicant; the decision code is what the workflow needs.
    client_status_comment: null,
    status_code: 'SYNCED',
    status_comment: null,
    lang_code: item.langCode,
    name: await seal(item.name, 'name'),
    phone: await seal(item.phone, 'phone'),
    email: await seal(item.email, 'email'),
    center_id: rid.slice(0, 5),
    registration_date: `${rid.slice(15, 19)}-${rid.slice(19, 21)}-${rid.slice(21, 23)}`,
    additional_info_req_id: item.additionalInfoReqId ?? null,
    packet_id: packetId,
    ref_id: item.refId ?? null,
    source: 'REGISTRATION_CLIENT',
  }
  await db.transaction().execute(async (trx) => {
    if (existing) {
      await trx
        .updateTable('regprc.registration_list')
        .set({ ...values, upd_by: actor, upd_dtimes: now })
        .where('workflow_instance_id', '=', workflowInstanceId)
        .execute()
    } else {
      await trx
        .insertInto('regprc.registration_list')
        .values({
          ...values,
          workflow_instance_id: workflowInstanceId,
          additional_info: null,
          location_code: null,
          cr_by: actor,
          cr_dtimes: now,
          upd_by: null,
          upd_dtimes: null,
          del_dtimes: null,
        })
        .execute()
    }
    await recordAudit(trx, {
      eventId: 'RPR_407',
      eventName: 'ADD',
      eventType: 'BUSINESS',
      appId: 'MOSIP_4',
      appName: 'REGISTRATION_PROCESSOR',
      moduleId: 'RPR-RGS',
      moduleName: 'REGISTRATION_STATUS',
      refId: rid,
      refIdType: 'REGISTRATION_ID',
      sessionUserId: actor,
      description: 'Registration synced',
    })
  })
}
