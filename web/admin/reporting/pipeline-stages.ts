/**
 * The registration processor's stages in workflow order: the `*Stage` class name the live
 * counters report (registration.reg_stage_name) and the transaction type the stuck-packets
 * report names (trn_type_code). Several classes share one step (the ABIS stages).
 */
const stages: readonly (readonly [className: string, step: string])[] = [
  ['NOT_STARTED', 'NOT_STARTED'],
  ['PacketReceiverStage', 'PACKET_RECEIVER'],
  ['SecurezoneNotificationStage', 'SECUREZONE_NOTIFICATION'],
  ['PacketUploaderStage', 'UPLOAD_PACKET'],
  ['PacketValidatorStage', 'VALIDATE_PACKET'],
  ['PacketClassifierStage', 'PACKET_CLASSIFICATION'],
  ['CMDValidatorStage', 'CMD_VALIDATION'],
  ['OperatorValidatorStage', 'OPERATOR_VALIDATION'],
  ['SupervisorValidatorStage', 'SUPERVISOR_VALIDATION'],
  ['IntroducerValidatorStage', 'INTRODUCER_VALIDATION'],
  ['QualityClassifierStage', 'QUALITY_CLASSIFIER'],
  ['BiometricAuthenticationStage', 'BIOMETRIC_AUTHENTICATION'],
  ['DemoDedupeStage', 'DEMOGRAPHIC_VERIFICATION'],
  ['AbisHandlerStage', 'BIOGRAPHIC_VERIFICATION'],
  ['AbisMiddleWareStage', 'BIOGRAPHIC_VERIFICATION'],
  ['BioDedupeStage', 'BIOGRAPHIC_VERIFICATION'],
  ['ManualAdjudicationStage', 'MANUAL_ADJUDICATION'],
  ['VerificationStage', 'VERIFICATION'],
  ['UinGeneratorStage', 'UIN_GENERATOR'],
  ['BiometricExtractionStage', 'BIOMETRIC_EXTRACTION'],
  ['FinalizationStage', 'FINALIZATION'],
  ['CredentialRequestorStage', 'PRINT_SERVICE'],
]

const stepOfClass = new Map(stages.map(([className, step]) => [className, step]))
const order = [...new Set(stages.map(([, step]) => step))]

/** The step a live stage or a report stage belongs to (unknown names stay as they are). */
export function stepOf(stage: string): string {
  return stepOfClass.get(stage) ?? stage
}

/** One step of the funnel. */
export interface PipelineStep {
  step: string
  inFlight: number
  stuck: number
  failed: number
}

/**
 * Live in-flight counts and a day's stuck and failed packets, per step, in workflow order;
 * steps the workflow does not know come last, and steps with nothing are left out.
 */
export function pipelineSteps(
  inFlight: readonly { stage: string; count: number }[],
  stuckRows: readonly { stage: string | null; status: string }[],
): PipelineStep[] {
  const steps = new Map<string, PipelineStep>()
  const at = (name: string) => {
    let step = steps.get(name)
    if (step === undefined) {
      step = { step: name, inFlight: 0, stuck: 0, failed: 0 }
      steps.set(name, step)
    }
    return step
  }
  for (const row of inFlight) at(stepOf(row.stage)).inFlight += row.count
  for (const row of stuckRows) {
    const step = at(stepOf(row.stage ?? 'NOT_STARTED'))
    if (row.status === 'FAILED' || row.status === 'REPROCESS_FAILED') step.failed++
    else step.stuck++
  }
  const rank = (name: string) => {
    const index = order.indexOf(name)
    return index === -1 ? order.length : index
  }
  return [...steps.values()].sort(
    (a, b) => rank(a.step) - rank(b.step) || a.step.localeCompare(b.step),
  )
}
