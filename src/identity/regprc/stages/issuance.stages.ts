import { failed, passed, type StageHandler } from '../engine/stage.js'
import { packetOrNull } from './stage-packet.js'

/**
 * Biometric extraction and finalization publish MOSIP's ID repository draft; our identity port
 * writes identities directly, so both record their success for the workflow's history.
 */
export const biometricExtraction: StageHandler = async () => passed('BIOMETRIC_EXTRACTION_SUCCESS')
export const finalization: StageHandler = async () => passed('FINALIZATION_SUCCESS')

/**
 * Credential requestor: requests the card/credential for the identity. RES_REPRINT packets must
 * name a UIN the ID repository knows.
 */
export const credentialRequestor: StageHandler = async (context) => {
  if (context.process !== 'RES_REPRINT') return passed('PRINT_REQUEST_SUCCESS')
  const uin = packetOrNull(context)?.identity.UIN
  const found = uin ? await context.services.identity.findIdentity({ uin }) : null
  return found ? passed('PRINT_REQUEST_SUCCESS') : failed('PRINT_REQUEST_FAILED')
}
