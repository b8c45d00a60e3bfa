import type { KeyedHasher } from '../../platform/crypto/index.js'
import { requestTypes } from '../ida/index.js'
import type { Prng } from './prng.js'
import type { SeedSink } from './seed-sink.js'

/** Relying parties of the fictional country (partner ids as the partner API would hold them). */
export const seedPartners = [
  ['bank-aurora', 'Aurora Bank', 30],
  ['telco-meridian', 'Meridian Telecom', 30],
  ['ministry-health', 'Ministry of Health', 20],
  ['mfi-kora', 'Kora Microfinance', 12],
  ['post-national', 'National Post', 8],
] as const

type RequestType = (typeof requestTypes)[keyof typeof requestTypes]
/** What partners ask for, and how often the attempt succeeds. */
const requestMix: readonly (readonly [readonly RequestType[], number])[] = [
  [[requestTypes.demo], 35],
  [[requestTypes.otpRequest, requestTypes.otp], 30],
  [[requestTypes.finger], 20],
  [[requestTypes.face], 10],
  [[requestTypes.ekyc], 5],
]
/** Share of residents with a UIN that some partner authenticates in the window. */
export const authenticatedRate = 0.35
const successRate = 0.93

export interface AuthHashers {
  /** ida's `ref_id`: keyed hash of the individual id (createIdaHashers). */
  readonly ref: KeyedHasher
  /** ida's `token_id`: keyed hash of partner and uin_ref_id (purpose ida-token). */
  readonly token: KeyedHasher
}

/**
 * Authentication attempts by partners on one identity between `from` and `to`, as
 * ida.auth_transaction rows in MOSIP's vocabulary (status Y/N, comma-joined request types,
 * "Demo Authentication Success"), the individual id only as its keyed hash.
 */
export async function writeAuthentications(
  sink: SeedSink,
  prng: Prng,
  hashers: AuthHashers,
  who: { readonly uin: string; readonly vid: string | null; readonly uinRefId: string },
  from: Date,
  to: Date,
): Promise<void> {
  if (to <= from || !prng.chance(authenticatedRate)) return
  for (let n = prng.int(1, 3); n > 0; n--) {
    const [partnerId, partnerName] = prng.weighted(seedPartners.map((p) => [p, p[2]] as const))
    const useVid = who.vid !== null && prng.chance(0.3)
    const refId = await hashers.ref.hash(useVid && who.vid ? who.vid : who.uin)
    const tokenId = await hashers.token.hash(`${partnerId}:${who.uinRefId}`)
    let at = from.getTime() + Math.floor(prng.next() * (to.getTime() - from.getTime()))
    const trnId = prng.digits(10)
    for (const type of prng.weighted(requestMix)) {
      const success = prng.chance(successRate)
      const requested = new Date(at)
      const responded = new Date(at + prng.int(200, 2_500))
      sink.add('authTransaction', [
        prng.uuid(),
        requested,
        responded,
        trnId,
        type.code,
        success ? 'Y' : 'N',
        `${type.label} ${success ? 'Success' : 'Failed'}`,
        'NA',
        useVid ? 'VID' : 'UIN',
        refId,
        tokenId,
        'PARTNER',
        partnerId,
        partnerName,
        partnerId,
        responded,
        null,
        null,
        false,
        null,
      ])
      at += prng.int(30_000, 120_000)
    }
  }
}
