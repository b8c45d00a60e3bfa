import { AppError } from '../../platform/errors.js'

/**
 * The ID repository's errors, with MOSIP's codes and messages (IdRepoErrorConstants). None
 * carries a UIN, a VID or identity data: only codes and record ids.
 */
export const idRepoErrors = {
  invalidInput: (what: string) =>
    new AppError({
      code: 'IDR-IDC-002',
      status: 400,
      message: `Invalid Input Parameter - ${what}`,
      action: 'Correct the named parameter and send the request again.',
    }),

  noRecordFound: () =>
    new AppError({
      code: 'IDR-IDC-007',
      status: 404,
      message: 'No Record(s) found',
      action: 'Check the UIN, RID or VID; the record may not have been created yet.',
    }),

  recordExists: () =>
    new AppError({
      code: 'IDR-IDC-012',
      status: 409,
      message: 'Record already exists in DB',
      action: 'An identity already exists for this RID; update it instead of creating it.',
    }),

  identityHashMismatch: (uinRefId: string) =>
    new AppError({
      code: 'IDR-IDS-001',
      status: 500,
      message: `Identity Element hash does not match (record ${uinRefId}): the stored identity was altered`,
      action: 'Restore the record from backup and investigate who changed the database.',
    }),

  decryptionFailed: (uinRefId: string, cause: unknown) =>
    new AppError({
      code: 'IDR-IDS-003',
      status: 500,
      message: `Failed to decrypt the identity of record ${uinRefId}: a stored value was altered or belongs to another record`,
      action:
        'Restore the record from backup; if many records fail, check the master key and key store.',
      cause,
    }),

  uinGenerationFailed: (cause: unknown) =>
    new AppError({
      code: 'IDR-IDS-011',
      status: 503,
      message: 'Failed to generate UIN',
      action: 'Check the UIN pool (identity ids); retry once it has free UINs.',
      cause,
    }),

  invalidVid: (state: string) =>
    new AppError({
      code: 'IDR-VID-001',
      status: 400,
      message: `VID is ${state}`,
      action: 'Use an active VID, or generate a new one.',
    }),

  vidGenerationFailed: (cause: unknown) =>
    new AppError({
      code: 'IDR-VID-002',
      status: 503,
      message: 'Failed to generate VID',
      action: 'Check the VID pool (identity ids); retry once it has free VIDs.',
      cause,
    }),

  vidPolicyFailed: () =>
    new AppError({
      code: 'IDR-VID-003',
      status: 400,
      message: 'Could not generate/regenerate VID as per policy',
      action:
        'The VID policy refuses it (instances allowed, or regeneration of an auto-restored type); revoke an existing VID first.',
    }),

  invalidUin: (status: string) =>
    new AppError({
      code: 'IDR-VID-004',
      status: 400,
      message: `${status} UIN`,
      action: 'VIDs can only be used and created for an ACTIVATED UIN.',
    }),

  uinHashMismatch: () =>
    new AppError({
      code: 'IDR-VID-006',
      status: 500,
      message: 'Uin hash does not match',
      action: 'The VID record was altered; restore it from backup.',
    }),
}
