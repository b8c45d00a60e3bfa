import type {
  RegistrationStatusCode,
  StageName,
  SubStatusName,
  SyncType,
  TransactionStatusCode,
} from '../regprc/index.js'
import type { Outcome } from './outcome-rates.js'

/** One registration_transaction row to write: which stage, how it ended, and when. */
export interface PlannedStep {
  readonly stage: StageName | 'reprocessor'
  readonly status: TransactionStatusCode
  readonly sub: SubStatusName
  /** Seconds after the previous step (the first: after the packet reached the server). */
  readonly delaySeconds: number
  readonly suffix?: string
}

export interface WorkflowPlan {
  readonly steps: readonly PlannedStep[]
  readonly status: RegistrationStatusCode
  /** Whether the ID repository changed (a UIN issued, updated, linked, (de)activated). */
  readonly issued: boolean
  readonly adjudication?: { readonly type: 'DEMO' | 'BIO'; readonly approved: boolean }
}

/** What the packet carries that decides its route (MOSIP's packet tags). */
export interface PlanInput {
  readonly type: SyncType
  readonly outcome: Outcome
  readonly ageGroup: 'INFANT' | 'MINOR' | 'ADULT'
  readonly hasSupervisor: boolean
  /** A CMD or operator failure the packet meets first (planted fraud attempts). */
  readonly blockedAt?: {
    readonly stage: StageName
    readonly sub: SubStatusName
    readonly suffix: string
  }
  readonly introducerInvalid: boolean
  readonly delay: (min: number, max: number) => number
}

const uinSub: Record<SyncType, SubStatusName> = {
  NEW: 'UIN_GENERATED_SUCCESS',
  UPDATE: 'UIN_DATA_UPDATION_SUCCESS',
  RES_UPDATE: 'UIN_DATA_UPDATION_SUCCESS',
  LOST: 'LINK_RID_FOR_LOST_PACKET_SUCCESS',
  ACTIVATED: 'UIN_ACTIVATED_SUCCESS',
  DEACTIVATED: 'UIN_DEACTIVATION_SUCCESS',
  RES_REPRINT: 'UIN_DATA_UPDATION_SUCCESS',
}

/** The stage each failure-type outcome stops at, with its sub-status. */
const failureAt: Partial<Record<Outcome, readonly [StageName, SubStatusName]>> = {
  'document-invalid': ['packet-validator', 'APPLICANT_DOCUMENT_VALIDATION_FAILED'],
  'mandatory-missing': ['packet-validator', 'MANDATORY_VALIDATION_FAILED'],
  'supervisor-rejected': ['packet-validator', 'PACKET_REJECTED'],
  'quality-low': ['quality-classifier', 'BIOMETRIC_QUALITY_CHECK_FAILED'],
  'bio-auth-failed': ['biometric-authentication', 'BIOMETRIC_AUTHENTICATION_FAILED'],
  'lost-no-match': ['bio-dedupe', 'LOST_PACKET_BIOMETRICS_NOT_FOUND'],
  'print-failed': ['credential-requestor', 'PRINT_REQUEST_FAILED'],
}

/**
 * Plans the transaction history of one packet by MOSIP's camel routes (see
 * /regprc/engine/route-table.ts, which the tests check this against): the happy path for its
 * type and tags, cut or bent by its outcome.
 */
export function planWorkflow(input: PlanInput): WorkflowPlan {
  const { type, outcome, delay } = input
  const steps: PlannedStep[] = []
  const ok = (stage: StageName, sub: SubStatusName, min = 1, max = 30): void => {
    steps.push({ stage, status: 'SUCCESS', sub, delaySeconds: delay(min, max) })
  }
  const end = (status: RegistrationStatusCode, issued = false, extra: Partial<WorkflowPlan> = {}) =>
    ({ steps, status, issued, ...extra }) as WorkflowPlan
  const fail = (stage: StageName, sub: SubStatusName, suffix?: string) => {
    steps.push({
      stage,
      status: 'FAILED',
      sub,
      delaySeconds: delay(1, 30),
      ...(suffix && { suffix }),
    })
  }
  // Where the system error strikes (a stage after the packet is stored).
  const faultStage: StageName = type === 'RES_REPRINT' ? 'credential-requestor' : 'uin-generator'
  /** Runs a stage, honouring the outcome's failure at that stage; false = the workflow ended. */
  const run = (stage: StageName, sub: SubStatusName, min = 1, max = 30): boolean => {
    if (input.blockedAt?.stage === stage) {
      fail(stage, input.blockedAt.sub, input.blockedAt.suffix)
      return false
    }
    const failure = failureAt[outcome]
    if (failure && failure[0] === stage) {
      fail(stage, failure[1])
      return false
    }
    if (stage === faultStage && outcome.includes('reprocess')) {
      steps.push({
        stage,
        status: 'REPROCESS',
        sub: 'SYSTEM_EXCEPTION_OCCURED',
        delaySeconds: delay(1, 60),
        suffix: 'RPR-SYS',
      })
      if (outcome === 'stuck-reprocess') return false
      if (outcome === 'reprocess-failed') {
        steps.push({
          stage: 'reprocessor',
          status: 'REPROCESS_FAILED',
          sub: 'RE_PROCESS_FAILED',
          delaySeconds: delay(3_600, 86_400),
        })
        return false
      }
      steps.push({
        stage: 'reprocessor',
        status: 'SUCCESS',
        sub: 'RE_PROCESS_COMPLETED',
        delaySeconds: delay(900, 3_600),
      })
    }
    ok(stage, sub, min, max)
    return true
  }
  const finish = (): WorkflowPlan => {
    const reprocessStatus: Partial<Record<Outcome, RegistrationStatusCode>> = {
      'stuck-reprocess': 'REPROCESS',
      'reprocess-failed': 'REPROCESS_FAILED',
    }
    const last = steps.at(-1)
    if (last?.status === 'FAILED') {
      // MOSIP rejects (rather than fails) a packet that a dedupe or verification stage refuses.
      const rejecting = ['demo-dedupe', 'bio-dedupe', 'manual-adjudication', 'verification']
      return end(rejecting.includes(last.stage) ? 'REJECTED' : 'FAILED')
    }
    return end(reprocessStatus[outcome] ?? 'PROCESSING')
  }
  const stuckAfter = outcome === 'stuck-processing' ? 1 + Math.floor(delay(0, 6)) : Infinity
  const issue = (): WorkflowPlan => {
    if (!run('uin-generator', uinSub[type])) return finish()
    if (!run('biometric-extraction', 'BIOMETRIC_EXTRACTION_SUCCESS')) return finish()
    if (!run('finalization', 'FINALIZATION_SUCCESS')) return finish()
    if (type === 'ACTIVATED' || type === 'DEACTIVATED') return end('PROCESSED', true)
    if (!run('credential-requestor', 'PRINT_REQUEST_SUCCESS', 5, 120)) return end('FAILED', true)
    return end('PROCESSED', true)
  }
  const adjudicate = (kind: 'DEMO' | 'BIO', approved: boolean): WorkflowPlan | undefined => {
    steps.push({
      stage: 'manual-adjudication',
      status: 'IN_PROGRESS',
      sub: 'RPR_MANUAL_VERIFICATION_SENT_TO_QUEUE',
      delaySeconds: delay(1, 30),
    })
    if (approved) {
      steps.push({
        stage: 'manual-adjudication',
        status: 'SUCCESS',
        sub: 'MANUAL_VERIFIER_APPROVED_PACKET',
        delaySeconds: delay(7_200, 259_200),
      })
      return undefined
    }
    steps.push({
      stage: 'manual-adjudication',
      status: 'REJECTED',
      sub: 'MANUAL_VERIFIER_REJECTED_PACKET',
      delaySeconds: delay(7_200, 259_200),
    })
    return end('REJECTED', false, { adjudication: { type: kind, approved } })
  }

  ok('packet-receiver', 'PACKET_RECEIVED', 0, 0)
  ok('securezone-notification', 'NOTIFICATION_RECEIVED_TO_SECUREZONE', 1, 5)
  ok('packet-uploader', 'PACKET_UPLOADED', 2, 20)
  if (type === 'RES_REPRINT')
    return run('credential-requestor', 'PRINT_REQUEST_SUCCESS', 5, 120)
      ? end('PROCESSED')
      : finish()
  if (type === 'ACTIVATED' || type === 'DEACTIVATED') {
    if (outcome === 'uin-state-conflict') {
      fail(
        'uin-generator',
        type === 'ACTIVATED' ? 'UIN_ALREADY_ACTIVATED' : 'UIN_ALREADY_DEACTIVATED',
      )
      return end('FAILED')
    }
    return stuckAfter < 3 ? end('PROCESSING') : issue()
  }
  if (!run('packet-validator', 'PACKET_STRUCTURAL_VALIDATION_SUCCESS')) return finish()
  let adjudication: WorkflowPlan['adjudication']
  if (type !== 'RES_UPDATE') {
    const chain: [StageName, SubStatusName][] = [
      ['packet-classifier', 'PACKET_CLASSIFICATION_SUCCESS'],
      ['c-m-d-validator', 'CMD_VALIDATION_SUCCESS'],
      ['operator-validator', 'OPERATOR_VALIDATION_SUCCESS'],
    ]
    if (input.hasSupervisor) chain.push(['supervisor-validator', 'SUPERVISOR_VALIDATION_SUCCESS'])
    const child = input.ageGroup !== 'ADULT'
    if (child && type !== 'LOST')
      chain.push(['introducer-validator', 'INTRODUCER_VALIDATION_SUCCESS'])
    chain.push(['quality-classifier', 'BIOMETRIC_QUALITY_CHECK_SUCCESS'])
    if (type === 'UPDATE')
      chain.push(['biometric-authentication', 'BIOMETRIC_AUTHENTICATION_SUCCESS'])
    for (const [index, [stage, sub]] of chain.entries()) {
      if (index + 4 >= stuckAfter) return end('PROCESSING')
      if (stage === 'introducer-validator' && input.introducerInvalid) {
        fail(stage, 'INTRODUCER_UIN_NOT_FOUND')
        return end('FAILED')
      }
      if (!run(stage, sub)) return finish()
    }
  }
  if (type !== 'LOST') {
    if (outcome === 'demo-match-approved' || outcome === 'demo-match-rejected') {
      steps.push({
        stage: 'demo-dedupe',
        status: 'FAILED',
        sub: 'POTENTIAL_MATCH_FOUND',
        delaySeconds: delay(1, 30),
      })
      const approved = outcome === 'demo-match-approved'
      const rejected = adjudicate('DEMO', approved)
      if (rejected) return rejected
      adjudication = { type: 'DEMO', approved }
      const plan = issue()
      return { ...plan, adjudication }
    }
    ok('demo-dedupe', 'DEMO_DEDUPE_SUCCESS')
  }
  if (type === 'RES_UPDATE') return issue()
  if (input.ageGroup === 'INFANT' && type !== 'LOST') {
    steps.push({
      stage: 'verification',
      status: 'IN_PROGRESS',
      sub: 'VERIFICATION_SENT',
      delaySeconds: delay(1, 30),
    })
    ok('verification', 'VERIFICATION_SUCCESS', 3_600, 86_400)
    return issue()
  }
  if (type !== 'LOST') {
    ok('abis-handler', 'BIO_DEDUPE_INPROGRESS')
    ok('abis-middle-ware', 'INSERT_IDENTIFY_RESPONSE_SUCCESS', 30, 600)
  }
  if (outcome === 'bio-match-approved' || outcome === 'bio-match-rejected') {
    const lost = type === 'LOST'
    steps.push({
      stage: 'bio-dedupe',
      status: 'FAILED',
      sub: lost ? 'LOST_PACKET_MULTIPLE_MATCH_FOUND' : 'BIO_DEDUPE_POTENTIAL_MATCH',
      delaySeconds: delay(1, 30),
    })
    const approved = outcome === 'bio-match-approved'
    const rejected = adjudicate('BIO', approved)
    if (rejected) return rejected
    return { ...issue(), adjudication: { type: 'BIO', approved } }
  }
  if (!run('bio-dedupe', type === 'LOST' ? 'LOST_PACKET_UNIQUE_MATCH_FOUND' : 'BIO_DEDUPE_SUCCESS'))
    return finish()
  if (stuckAfter < Infinity) return end('PROCESSING')
  return issue()
}
