import { recordAudit, type AuditEntry } from '../../audit/index.js'
import type { Db } from '../../../platform/db/index.js'
import { regprcErrors } from '../errors.js'
import type { PacketStore } from '../ports.js'
import type { RegprcTables } from '../schema/regprc.tables.js'
import { stages } from '../vocabulary/stage-name.js'
import { adjudicationErrors } from './adjudication.errors.js'
import type { IdentityView, IdentityViewPort } from './identity-view.port.js'
import {
  contactsOf,
  demographicsOf,
  readPacket,
  sameContact,
  type BiometricSummary,
  type Demographics,
  type DocumentSummary,
  type PacketSummary,
} from './person-view.js'

export type ViewSource = 'PACKET' | 'ID_REPOSITORY'

/** One side of the comparison: what the adjudicator sees of a person. */
export interface PersonView {
  readonly demographics: Demographics | null
  readonly documents: DocumentSummary[]
  readonly biometrics: BiometricSummary[]
}

/** A matched registration (RID), with every way it matched (DEMO, BIO). */
export interface MatchView extends PersonView {
  readonly matchedRefId: string
  readonly matchedRefTypes: string[]
  /** Where each part comes from; null when neither the ID repository nor the packet store has it. */
  readonly sources: {
    readonly demographics: ViewSource | null
    readonly documents: ViewSource | null
    readonly biometrics: 'PACKET' | null
  }
  /** The matched identity's status (ACTIVATED, BLOCKED, DEACTIVATED), when it has one. */
  readonly uinStatus: string | null
  /** Whether the masked contacts equal the applicant's; null when either side has none. */
  readonly sameAsApplicant: { readonly phone: boolean | null; readonly email: boolean | null }
}

export interface AdjudicationComparison {
  readonly workflowInstanceId: string
  readonly registrationId: string
  readonly process: string | null
  readonly applicant: PersonView
  readonly matches: MatchView[]
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const module = stages['manual-adjudication']
const auditBase = {
  appId: 'MOSIP_4',
  appName: 'REGISTRATION_PROCESSOR',
  moduleId: module.moduleId,
  moduleName: module.module,
} as const
/** How many of a matched RID's workflow instances are tried for its packet. */
const packetLookups = 5

/**
 * The adjudicator's comparison: the applicant's packet beside each registration it matched,
 * shown only to the adjudicator the registration is assigned to while it is undecided. Each
 * view is audited (RPR_401 GET, viewer, RID, matched RIDs) before anything is returned; each
 * refusal too (RPR_405). Decryption happens outside transactions (the key store is read).
 */
export function createComparisonService(deps: {
  db: Db
  packets: PacketStore
  identities: IdentityViewPort
}) {
  const tables = deps.db.withTables<RegprcTables>()

  async function refuse(viewer: string, ref: { id: string; type: string }, code: string) {
    await recordAudit(deps.db, {
      ...auditBase,
      eventId: 'RPR_405',
      eventName: 'EXCEPTION',
      eventType: 'SECURITY',
      refId: ref.id,
      refIdType: ref.type,
      sessionUserId: viewer,
      description: `Manual adjudication comparison refused: ${code}`,
    })
  }

  /** A matched RID's packet, from its latest workflow instance whose packet is stored. */
  async function matchedPacket(rid: string): Promise<PacketSummary | null> {
    const instances = await tables
      .selectFrom('regprc.registration')
      .select('workflow_instance_id')
      .where('reg_id', '=', rid)
      .orderBy('cr_dtimes', 'desc')
      .limit(packetLookups)
      .execute()
    for (const { workflow_instance_id } of instances) {
      const raw = await deps.packets.get(workflow_instance_id)
      if (raw !== null) return readPacket(raw)
    }
    return null
  }

  function matchView(
    ref: { id: string; types: string[] },
    applicant: PacketSummary,
    identity: IdentityView | null,
    packet: PacketSummary | null,
  ): MatchView {
    const attributes = identity?.identity ?? packet?.identity ?? null
    const theirs = attributes ? contactsOf(attributes) : { phone: null, email: null }
    const ours = contactsOf(applicant.identity)
    return {
      matchedRefId: ref.id,
      matchedRefTypes: ref.types,
      sources: {
        demographics: identity ? 'ID_REPOSITORY' : packet ? 'PACKET' : null,
        documents: packet ? 'PACKET' : identity ? 'ID_REPOSITORY' : null,
        biometrics: packet ? 'PACKET' : null,
      },
      uinStatus: identity?.status ?? null,
      demographics: attributes ? demographicsOf(attributes) : null,
      documents: packet?.documents ?? (identity ? [...identity.documents] : []),
      biometrics: packet?.biometrics ?? [],
      sameAsApplicant: {
        phone: sameContact('phone', ours.phone, theirs.phone),
        email: sameContact('email', ours.email, theirs.email),
      },
    }
  }

  return {
    /**
     * The comparison of the registration `idOrRid` names (a workflow instance id, or a RID:
     * then its latest instance assigned to `viewer`). MOS-RPR-003 when it has no queue entry;
     * RPR-MVS-004 when it is not assigned to `viewer` (pending, someone else's, decided).
     */
    async compare(idOrRid: string, viewer: string): Promise<AdjudicationComparison> {
      const byInstance = uuid.test(idOrRid)
      const rows = await tables
        .selectFrom('regprc.reg_manual_verification')
        .select([
          'workflow_instance_id',
          'reg_id',
          'matched_ref_id',
          'matched_ref_type',
          'status_code',
          'mv_usr_id',
          'cr_dtimes',
        ])
        .where(byInstance ? 'workflow_instance_id' : 'reg_id', '=', idOrRid)
        .orderBy('cr_dtimes', 'desc')
        .orderBy('matched_ref_id')
        .orderBy('matched_ref_type')
        .execute()
      const [first] = rows
      if (!first) {
        const type = byInstance ? 'WORKFLOW_INSTANCE_ID' : 'REGISTRATION_ID'
        await refuse(viewer, { id: idOrRid, type }, 'MOS-RPR-003')
        throw regprcErrors.verificationNotFound()
      }
      const mine = (row: (typeof rows)[number]) =>
        row.status_code === 'ASSIGNED' && row.mv_usr_id === viewer
      // Newest first: a RID's latest instance assigned to the viewer.
      const instance = rows.find(mine)?.workflow_instance_id
      const rid = first.reg_id
      const notAssigned = adjudicationErrors.noAssignedRecord()
      if (!instance) {
        await refuse(viewer, { id: rid, type: 'REGISTRATION_ID' }, notAssigned.code)
        throw notAssigned
      }
      const refs = new Map<string, string[]>()
      for (const row of rows.filter((r) => r.workflow_instance_id === instance && mine(r)))
        refs.set(row.matched_ref_id, [
          ...(refs.get(row.matched_ref_id) ?? []),
          row.matched_ref_type,
        ])

      const raw = await deps.packets.get(instance)
      if (raw === null) throw adjudicationErrors.packetNotInStore()
      const applicant = readPacket(raw)
      const matches: MatchView[] = []
      for (const [id, types] of refs) {
        const [identity, packet] = await Promise.all([
          deps.identities.findByRid(id, viewer),
          matchedPacket(id),
        ])
        matches.push(matchView({ id, types }, applicant, identity, packet))
      }
      const registration = await tables
        .selectFrom('regprc.registration')
        .select('process')
        .where('workflow_instance_id', '=', instance)
        .executeTakeFirst()

      // Still assigned to the viewer when the view is recorded: a decision taken meanwhile
      // (by the viewer in another tab) ends the right to see it.
      const viewed: AuditEntry = {
        ...auditBase,
        eventId: 'RPR_401',
        eventName: 'GET',
        eventType: 'BUSINESS',
        refId: rid,
        refIdType: 'REGISTRATION_ID',
        sessionUserId: viewer,
        description: viewDescription(instance, refs),
      }
      const recorded = await tables.transaction().execute(async (trx) => {
        const still = await trx
          .selectFrom('regprc.reg_manual_verification')
          .select('matched_ref_id')
          .where('workflow_instance_id', '=', instance)
          .where('status_code', '=', 'ASSIGNED')
          .where('mv_usr_id', '=', viewer)
          .limit(1)
          .forShare()
          .executeTakeFirst()
        if (!still) return false
        await recordAudit(trx, viewed)
        return true
      })
      if (!recorded) {
        await refuse(viewer, { id: rid, type: 'REGISTRATION_ID' }, notAssigned.code)
        throw notAssigned
      }
      return {
        workflowInstanceId: instance,
        registrationId: rid,
        process: registration?.process ?? null,
        applicant: {
          demographics: demographicsOf(applicant.identity),
          documents: applicant.documents,
          biometrics: applicant.biometrics,
        },
        matches,
      }
    },
  }
}

/** Ids only: the workflow instance and each matched RID with how it matched (DEMO, BIO). */
function viewDescription(instance: string, refs: ReadonlyMap<string, string[]>): string {
  const head = `Manual adjudication comparison viewed; workflow instance ${instance}; matched: `
  const entries = [...refs].map(([id, types]) => `${types.join('+')} ${id}`)
  let text = head + entries.join(', ')
  // app_audit_log.log_desc holds 2048 characters.
  for (let shown = entries.length - 1; text.length > 2000 && shown >= 0; shown--)
    text = `${head}${entries.slice(0, shown).join(', ')} and ${entries.length - shown} more`
  return text
}

export type ComparisonService = ReturnType<typeof createComparisonService>
