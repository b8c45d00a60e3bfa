import { failed, passed, type StageHandler } from '../engine/stage.js'

/**
 * Biometric authentication (UPDATE): the applicant's biometrics must match the identity the
 * packet updates. The probe is searched in the gallery through the AbisPort under its own
 * reference (the transaction id, which no reg_bio_ref row names); a candidate whose RID belongs to the packet's UIN authenticates.
 */
export const biometricAuthentication: StageHandler = async (context) => {
  const packet = context.packet()
  const captured = packet.biometrics.filter((b) => !b.exception)
  if (captured.length === 0) return passed('BIOMETRIC_AUTHENTICATION_SKIPPED')
  const { abis, identity, settings } = context.services
  const probe = context.transactionId
  await abis.insert(probe, captured)
  const candidates = await abis.identify(probe)
  for (const candidate of candidates) {
    if (candidate.score < settings.matchThreshold) continue
    const ref = await context.db
      .selectFrom('regprc.reg_bio_ref')
      .select('reg_id')
      .where('bio_ref_id', '=', candidate.referenceId)
      .executeTakeFirst()
    if (!ref) continue
    const found = await identity.findIdentity({ rid: ref.reg_id })
    if (found && found.uin === packet.identity.UIN)
      return passed('BIOMETRIC_AUTHENTICATION_SUCCESS')
  }
  return failed('BIOMETRIC_AUTHENTICATION_FAILED')
}
