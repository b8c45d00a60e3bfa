/**
 * MOSIP's VID policy (mosip-config `mosip-vid-policy.json`, VidPolicy.java). Types are matched
 * case-insensitively, as MOSIP upper-cases the requested type.
 */
export interface VidPolicy {
  readonly vidType: VidType
  /** null: never expires. */
  readonly validForInMinutes: number | null
  /** null: unlimited resolutions. */
  readonly transactionsAllowed: number | null
  /** Active VIDs of the type one UIN may hold at once. */
  readonly instancesAllowed: number
  /** Whether creating one more than allowed retires the oldest (and revoking restores one). */
  readonly autoRestoreAllowed: boolean
  /** The status the oldest VID gets when a new one replaces it. */
  readonly restoreOnAction: 'REVOKED' | 'REGENERATE'
}

export const vidTypes = ['Perpetual', 'Temporary', 'OneTimeUse'] as const
export type VidType = (typeof vidTypes)[number]

export const vidPolicies: Readonly<Record<VidType, VidPolicy>> = {
  Perpetual: {
    vidType: 'Perpetual',
    validForInMinutes: null,
    transactionsAllowed: null,
    instancesAllowed: 1,
    autoRestoreAllowed: true,
    restoreOnAction: 'REVOKED',
  },
  Temporary: {
    vidType: 'Temporary',
    validForInMinutes: 30,
    transactionsAllowed: 2,
    instancesAllowed: 5,
    autoRestoreAllowed: false,
    restoreOnAction: 'REGENERATE',
  },
  OneTimeUse: {
    vidType: 'OneTimeUse',
    validForInMinutes: null,
    transactionsAllowed: 2,
    instancesAllowed: 5,
    autoRestoreAllowed: false,
    restoreOnAction: 'REVOKED',
  },
}

/** The policy of a type name in any case (`PERPETUAL`, `perpetual`), or undefined. */
export function vidPolicyOf(type: string): VidPolicy | undefined {
  const match = vidTypes.find((known) => known.toUpperCase() === type.toUpperCase())
  return match ? vidPolicies[match] : undefined
}

/** VID statuses (`mosip.idrepo.vid.allowedstatus`). */
export const vidStatuses = [
  'ACTIVE',
  'REVOKED',
  'EXPIRED',
  'USED',
  'INVALIDATED',
  'DEACTIVATED',
] as const
export type VidStatus = (typeof vidStatuses)[number]

/** Statuses a VID may be regenerated from (`mosip.idrepo.vid.regenerate.allowed-status`). */
export const regenerableStatuses: readonly string[] = ['ACTIVE', 'REVOKED', 'EXPIRED', 'USED']
