import type { Platform } from '../../platform/platform.js'
import type { IdentityPart } from '../identity-part.js'
import {
  createIdRepoServices,
  poolIdentifiers,
  recordJournalFor,
  type RecordJournal,
} from '../idrepo/index.js'
import { hammingMatcher } from './biometric-matcher.js'
import { partnerStatementGate } from './consent-gate.js'
import { galleryBiometrics } from './gallery-biometrics.js'
import { createIdaHashers } from './ida-hashers.js'
import { idaHistory } from './ida.migrations.js'
import { registerIdaRoutes } from './ida.routes.js'
import { IdaService } from './ida.service.js'
import { defaultOtpSettings, OtpService } from './otp.service.js'
import { registerPolicyRoutes } from './policy.routes.js'

/** IDA's services over the platform, with the built-in matcher and the default consent gate. */
export function createIdaService(
  platform: Pick<Platform, 'db' | 'bus' | 'keys' | 'cipher' | 'notify'>,
  journal?: RecordJournal,
): IdaService {
  const { db, bus, keys } = platform
  const idrepo = createIdRepoServices(platform, poolIdentifiers, journal)
  const hashers = createIdaHashers(keys)
  return new IdaService({
    db,
    bus,
    ...idrepo,
    hashers,
    otp: new OtpService({
      db,
      hasher: hashers.otp,
      notify: platform.notify,
      settings: defaultOtpSettings,
    }),
    matcher: hammingMatcher(),
    enrolled: galleryBiometrics(db, platform.cipher),
    consent: partnerStatementGate,
    requestWindowSeconds: 120,
  })
}

/** MOSIP's ID authentication (`ida`): partner auth, OTP and eKYC APIs, partner policies. */
export const idaPart: IdentityPart = {
  name: 'ida',
  migrations: [idaHistory],
  async start(context) {
    const { platform, app } = context
    const partnerName = async (partnerId: string) =>
      (await platform.auth.partners.list()).find((p) => p.id === partnerId)?.name ?? null
    const ida = createIdaService(platform, recordJournalFor(context))
    registerIdaRoutes(app, { ida, partnerName })
    registerPolicyRoutes(app, { db: platform.db, partnerName })
    return {}
  },
}
