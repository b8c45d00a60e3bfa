import { AppError } from '../../platform/errors.js'
import type {
  AuthLockService,
  AuthType,
  IdRepoService,
  IdentityRecord,
  VidService,
} from '../idrepo/index.js'
import { idaErrors } from './errors.js'

/**
 * Resolves the individual of a request through the ID repository. A VID is resolved by
 * VidService, which counts the transaction against the VID's policy; the ID repository's
 * refusals become IDA's codes (IDA-MLC-002/004/022/023).
 */
export async function resolveIndividual(
  services: { idRepo: IdRepoService; vids: VidService },
  individualId: string,
  type: 'UIN' | 'VID',
  actor: string,
): Promise<IdentityRecord> {
  let record: IdentityRecord
  try {
    record =
      type === 'UIN'
        ? await services.idRepo.getByUin(individualId, actor)
        : await services.vids.resolve(individualId, actor)
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) throw error
    if (error.code === 'IDR-VID-001') throw idaErrors.vidExpiredDeactivated()
    if (error.code === 'IDR-VID-004') throw idaErrors.uinDeactivatedBlocked()
    throw type === 'UIN' ? idaErrors.invalidUin() : idaErrors.invalidVid()
  }
  if (record.status !== 'ACTIVATED') throw idaErrors.uinDeactivatedBlocked()
  return record
}

/** The idrepo lock types behind each auth type of a request. */
export const lockTypesOf = {
  demo: ['demo'],
  'bio-Finger': ['bio-FIR'],
  'bio-Iris': ['bio-IIR'],
  'bio-Face': ['bio-FACE'],
} as const satisfies Record<string, readonly AuthType[]>

/**
 * Throws IDA-MLC-019 for the first locked type. OTP is locked when every OTP channel is
 * (idrepo keeps a lock per channel; an OTP request checks its own channels).
 */
export async function assertUnlocked(
  locks: AuthLockService,
  uin: string,
  authTypes: readonly string[],
): Promise<void> {
  const status = await locks.status(uin)
  const locked = (type: AuthType) => status.find((s) => s.authType === type)?.locked ?? false
  for (const authType of authTypes) {
    if (authType === 'otp') {
      if (locked('otp-email') && locked('otp-phone')) throw idaErrors.authTypeLocked('otp')
      continue
    }
    const types: readonly AuthType[] =
      authType in lockTypesOf ? lockTypesOf[authType as keyof typeof lockTypesOf] : []
    if (types.some(locked)) throw idaErrors.authTypeLocked(authType)
  }
}
