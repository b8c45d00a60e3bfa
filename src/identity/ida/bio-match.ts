import type { AppError } from '../../platform/errors.js'
import type { BiometricInput } from './auth-request.schema.js'
import type { BioTemplate, BiometricMatcher } from './biometric-matcher.js'
import { idaErrors } from './errors.js'

/**
 * Verifies each submitted biometric 1:1 against the enrolled template of the same modality and
 * subtype (any subtype of the modality when none is given: the best score counts). Returns the
 * failures; empty means every biometric matched.
 */
export function matchBiometrics(
  probes: readonly BiometricInput[],
  enrolled: readonly BioTemplate[],
  matcher: BiometricMatcher,
): AppError[] {
  const seen = new Set<string>()
  for (const { data } of probes) {
    const key = `${data.bioType}/${data.bioSubType ?? ''}`
    if (seen.has(key)) return [idaErrors.duplicateBiometric(data.bioType)]
    seen.add(key)
  }
  const failures: AppError[] = []
  for (const { data } of probes) {
    const what = data.bioSubType ? `${data.bioType} ${data.bioSubType}` : data.bioType
    const candidates = enrolled.filter(
      (t) => t.type === data.bioType && (data.bioSubType === null || t.subType === data.bioSubType),
    )
    if (candidates.length === 0) {
      failures.push(idaErrors.bioMissing(what))
      continue
    }
    const best = Math.max(...candidates.map((t) => matcher.score(data.bioValue, t.template)))
    if (best < matcher.threshold) failures.push(idaErrors.bioMismatch(what))
  }
  return failures
}
