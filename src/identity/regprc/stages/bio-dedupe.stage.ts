import { failed, passed, toAdjudication, type StageHandler } from '../engine/stage.js'
import { bioMatches, distinctUins } from './bio-matches.js'

/**
 * Biometric de-duplication on the ABIS answer. NEW/UPDATE: a match with another identity goes
 * to manual adjudication (BDP-FAILED-001). LOST: the search for the applicant's own identity:
 * one UIN found (BDP-SUCCESS-003) goes on to link the RID, none rejects (BDP-FAILED-002),
 * several go to manual adjudication (BDP-FAILED-003). Without an ABIS answer yet, the packet
 * goes to the ABIS handler first.
 */
export const bioDedupe: StageHandler = async (context) => {
  const result = await bioMatches(context)
  if (!result.identified)
    return passed('BIO_DEDUPE_INPROGRESS', {
      next: 'abis-handler',
      transactionStatus: 'IN_PROGRESS',
    })
  const uins = distinctUins(result.matches)
  if (context.process === 'LOST') {
    if (uins.length === 0) return failed('LOST_PACKET_BIOMETRICS_NOT_FOUND')
    const [match] = result.matches
    if (uins.length === 1 && match)
      return passed('LOST_PACKET_UNIQUE_MATCH_FOUND', {
        ref: { id: match.rid, type: 'MATCHED_REG_ID' },
      })
    return toAdjudication('LOST_PACKET_MULTIPLE_MATCH_FOUND')
  }
  const ownUin = context.packet().identity.UIN
  const others = uins.filter((uin) => uin !== ownUin)
  if (others.length === 0) return passed('BIO_DEDUPE_SUCCESS')
  return toAdjudication('BIO_DEDUPE_POTENTIAL_MATCH')
}
