import {
  reprocessorInfo,
  stages,
  statusComment,
  subStatuses,
  type SyncType,
} from '../regprc/index.js'
import type { Prng } from './prng.js'
import { created, type SeedSink } from './seed-sink.js'
import type { WorkflowPlan } from './workflow-plan.js'

/** One packet as the server received it. */
export interface Packet {
  readonly rid: string
  readonly type: SyncType
  /** When the client created the packet (UTC). */
  readonly createdAt: Date
  readonly source: 'REGISTRATION_CLIENT' | 'RESIDENT'
  readonly officerId: string | null
  readonly centerId: string
  /** The RID of the identity the packet is about (UPDATE, LOST, ...). */
  readonly refRid: string | null
  readonly applicantType: 'INFANT' | 'MINOR' | 'ADULT' | null
  /** For adjudicated packets: the RID the dedupe matched (else a random earlier one). */
  readonly matchedRid?: string
}

/** What the written history says about the packet's end. */
export interface WrittenPacket {
  readonly workflowInstanceId: string
  /** When the ID repository changed, if it did before the seed's "now". */
  readonly issuedAt: Date | null
  readonly lastAt: Date
  readonly status: string
}

const host = { name: 'regproc-seed', ip: '10.0.0.10' }

/**
 * Writes a packet's registration row, its registration_transaction history (chained by
 * parent_regtrn_id), the manual-verification row if it went to adjudication, and one audit
 * entry for the workflow's end. Steps that would fall after `until` are not written: the
 * packet is then still in flight (PROCESSING) at the seed's "now".
 */
export function writePacket(
  sink: SeedSink,
  prng: Prng,
  packet: Packet,
  plan: WorkflowPlan,
  until: Date,
  uploadDelaySeconds: number,
): WrittenPacket {
  const wfId = prng.uuid()
  let at = packet.createdAt.getTime() + uploadDelaySeconds * 1000
  let parent: string | null = null
  let last:
    | { id: string; trn: string; status: string; className: string; comment: string; at: Date }
    | undefined
  let lastSuccessClass: string | null = null
  let issuedAt: Date | null = null
  let complete = true
  let adjudicationTrn: string | null = null
  const receivedAt = new Date(at)
  for (const step of plan.steps) {
    at += step.delaySeconds * 1000
    if (at >= until.getTime()) {
      complete = false
      break
    }
    const info = step.stage === 'reprocessor' ? reprocessorInfo : stages[step.stage]
    const id = prng.timeUuid(at)
    const when = new Date(at)
    const comment = statusComment(step.sub, step.suffix ? packet.centerId : undefined)
    const actor =
      step.stage === 'manual-adjudication' && step.status !== 'IN_PROGRESS'
        ? 'mvs-adjudicator'
        : 'SYSTEM'
    sink.add('transaction', [
      id,
      packet.rid,
      info.trnType,
      null,
      parent,
      null,
      null,
      step.status,
      subStatuses[step.sub].code,
      'eng',
      comment,
      actor,
      when,
      actor,
      when,
      false,
      null,
    ])
    if (step.stage === 'manual-adjudication' && step.status === 'IN_PROGRESS') adjudicationTrn = id
    if (step.status === 'SUCCESS') lastSuccessClass = info.className
    if (step.stage === 'uin-generator' && step.status === 'SUCCESS') issuedAt = when
    parent = id
    last = {
      id,
      trn: info.trnType,
      status: step.status,
      className: info.className,
      comment,
      at: when,
    }
  }
  const status = complete ? plan.status : 'PROCESSING'
  const retry = plan.steps.some((s) => s.stage === 'reprocessor' && s.status === 'REPROCESS_FAILED')
    ? 20
    : plan.steps.some((s) => s.stage === 'reprocessor')
      ? 1
      : 0
  const updatedAt = last?.at ?? receivedAt
  sink.add('registration', [
    wfId,
    packet.rid,
    packet.type,
    packet.refRid,
    packet.applicantType,
    status,
    'eng',
    last?.comment ?? null,
    last?.id ?? null,
    last?.trn ?? null,
    last?.status ?? null,
    last?.at ?? null,
    retry,
    last?.className ?? null,
    0,
    packet.createdAt,
    true,
    lastSuccessClass,
    packet.source,
    1,
    'SYSTEM',
    receivedAt,
    'SYSTEM',
    updatedAt,
    false,
    null,
  ])
  if (plan.adjudication && adjudicationTrn) {
    const decided = complete || status !== 'PROCESSING'
    const matched = plan.adjudication.type === 'DEMO' ? 'DEMO' : 'BIO'
    sink.add('manualVerification', [
      wfId,
      packet.rid,
      packet.matchedRid ?? `10${prng.digits(27)}`,
      matched,
      decided ? 'mvs-adjudicator' : null,
      adjudicationTrn,
      prng.uuid(),
      decided ? (plan.adjudication.approved ? 'APPROVED' : 'REJECTED') : 'PENDING',
      decided ? prng.pick(['ADM', 'ADD', 'OPM', 'SDM']) : null,
      null,
      'MANUAL_ADJUDICATION',
      'eng',
      true,
      ...created('SYSTEM', updatedAt),
    ])
  }
  if (status !== 'PROCESSING') {
    sink.add('audit', [
      prng.timeUuid(updatedAt.getTime()),
      updatedAt,
      `${subStatuses[plan.steps.at(-1)?.sub ?? 'PACKET_RECEIVED'].code} workflow ${status}`,
      'RPR_402',
      'BUSINESS',
      'UPDATE',
      updatedAt,
      host.name,
      host.ip,
      'SYSTEM',
      null,
      'MOSIP_4',
      'REGISTRATION_PROCESSOR',
      stages['packet-receiver'].moduleId,
      'REGISTRATION_PROCESSOR',
      packet.rid,
      'REGISTRATION_ID',
      'SYSTEM',
    ])
  }
  return {
    workflowInstanceId: wfId,
    issuedAt: complete || issuedAt ? issuedAt : null,
    lastAt: updatedAt,
    status,
  }
}
