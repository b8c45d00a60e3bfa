import type { SyncType } from '../vocabulary/registration-type.js'
import type { StageName } from '../vocabulary/stage-name.js'
import { needsIntroducer, type PacketTags } from './packet-tags.js'

/** The camel routes' terminal commands (MOSIP's workflow-internal-action). */
export const terminalCommands = [
  'complete-as-processed',
  'complete-as-rejected',
  'complete-as-failed',
  'mark-as-reprocess',
] as const
export type TerminalCommand = (typeof terminalCommands)[number]
export type Next = StageName | TerminalCommand

export interface RouteInput {
  /** The packet's tags; only called after the packet validator has passed it. */
  tags(): PacketTags
  /** The stage's own hint, where a route branches on it. */
  readonly hint: StageName | undefined
}

type Step = (input: RouteInput) => Next
export interface Route {
  readonly first: StageName
  readonly steps: Partial<Record<StageName, Step>>
}

const to =
  (stage: Next): Step =>
  () =>
    stage

const intake = {
  'packet-receiver': to('securezone-notification'),
  'securezone-notification': to('packet-uploader'),
} as const

const afterCmd: Step = ({ tags }) =>
  tags().hasOfficer
    ? 'operator-validator'
    : tags().hasSupervisor
      ? 'supervisor-validator'
      : 'complete-as-failed'
const afterSupervisor: Step = ({ tags }) =>
  needsIntroducer(tags()) ? 'introducer-validator' : 'quality-classifier'
const afterDemoDedupe: Step = ({ tags, hint }) => {
  if (hint === 'manual-adjudication') return hint
  const t = tags()
  if (t.ageGroup === 'INFANT' || t.allBiometricExceptions) return 'verification'
  return t.hasBiometrics ? 'abis-handler' : 'uin-generator'
}
const afterBioDedupe: Step = ({ hint }) =>
  hint === 'manual-adjudication' || hint === 'verification' || hint === 'abis-handler'
    ? hint
    : 'uin-generator'
const abis = {
  'abis-handler': to('abis-middle-ware'),
  'abis-middle-ware': to('bio-dedupe'),
  'bio-dedupe': afterBioDedupe,
  'manual-adjudication': to('uin-generator'),
  verification: to('uin-generator'),
} as const
const issuance = {
  'uin-generator': to('biometric-extraction'),
  'biometric-extraction': to('finalization'),
  finalization: to('credential-requestor'),
  'credential-requestor': to('complete-as-processed'),
} as const

const newRoute: Route = {
  first: 'packet-receiver',
  steps: {
    ...intake,
    'packet-uploader': to('packet-validator'),
    'packet-validator': to('packet-classifier'),
    'packet-classifier': to('c-m-d-validator'),
    'c-m-d-validator': afterCmd,
    'operator-validator': (input) =>
      input.tags().hasSupervisor ? 'supervisor-validator' : afterSupervisor(input),
    'supervisor-validator': afterSupervisor,
    'introducer-validator': to('quality-classifier'),
    'quality-classifier': to('demo-dedupe'),
    'demo-dedupe': afterDemoDedupe,
    ...abis,
    ...issuance,
  },
}

const activation: Route = {
  first: 'packet-receiver',
  steps: {
    ...intake,
    'packet-uploader': to('uin-generator'),
    'uin-generator': to('biometric-extraction'),
    'biometric-extraction': to('finalization'),
    finalization: to('complete-as-processed'),
  },
}

/**
 * One route per registration type, following MOSIP's camel routes (mosip-config v1.3.0
 * `registration-processor-camel-routes-<process>-default.xml`). Failure handling is common to
 * all stages and lives in `nextAfter`.
 */
export const routes: Record<SyncType, Route> = {
  NEW: newRoute,
  UPDATE: {
    first: 'packet-receiver',
    steps: {
      ...newRoute.steps,
      'quality-classifier': to('biometric-authentication'),
      'biometric-authentication': to('demo-dedupe'),
    },
  },
  LOST: {
    first: 'packet-receiver',
    steps: {
      ...newRoute.steps,
      'operator-validator': ({ tags }) =>
        tags().hasSupervisor ? 'supervisor-validator' : 'quality-classifier',
      'quality-classifier': to('bio-dedupe'),
      'demo-dedupe': undefined,
    },
  },
  RES_UPDATE: {
    first: 'packet-receiver',
    steps: {
      ...intake,
      'packet-uploader': to('packet-validator'),
      'packet-validator': to('demo-dedupe'),
      'demo-dedupe': ({ tags, hint }) =>
        hint === 'manual-adjudication'
          ? hint
          : tags().hasBiometrics
            ? 'abis-handler'
            : 'uin-generator',
      ...abis,
      ...issuance,
    },
  },
  RES_REPRINT: {
    first: 'packet-receiver',
    steps: {
      ...intake,
      'packet-uploader': to('credential-requestor'),
      'credential-requestor': to('complete-as-processed'),
    },
  },
  ACTIVATED: activation,
  DEACTIVATED: activation,
}

/** Where a packet whose stage failed validation is rejected rather than failed (a duplicate). */
const rejectingStages: ReadonlySet<StageName> = new Set([
  'demo-dedupe',
  'bio-dedupe',
  'manual-adjudication',
  'verification',
])

/**
 * The route's answer after a stage: the camel routes' common failure handling first
 * (internal error → reprocess or fail; invalid → fail, or reject after dedupe), then the
 * route's own step.
 */
export function nextAfter(
  process: SyncType,
  stage: StageName,
  outcome: { isValid: boolean; internalError: boolean },
  input: RouteInput,
): Next {
  if (outcome.internalError) return outcome.isValid ? 'mark-as-reprocess' : 'complete-as-failed'
  if (!outcome.isValid)
    return rejectingStages.has(stage) ? 'complete-as-rejected' : 'complete-as-failed'
  const step = routes[process].steps[stage]
  if (!step) throw new Error(`No route from ${stage} for ${process}`)
  return step(input)
}
