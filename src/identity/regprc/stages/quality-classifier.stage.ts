import { failed, passed, type StageHandler } from '../engine/stage.js'

/**
 * Quality classifier: every captured biometric must score at least `qualityThreshold` (0–100,
 * the SBI's quality score). Packets without captured biometrics skip the check, as MOSIP's do.
 */
export const qualityClassifier: StageHandler = async (context) => {
  const captured = context.packet().biometrics.filter((b) => !b.exception)
  if (captured.length === 0) return passed('INDIVIDUAL_BIOMETRIC_NOT_FOUND')
  const threshold = context.services.settings.qualityThreshold
  if (captured.some((b) => b.qualityScore < threshold))
    return failed('BIOMETRIC_QUALITY_CHECK_FAILED')
  return passed('BIOMETRIC_QUALITY_CHECK_SUCCESS')
}
