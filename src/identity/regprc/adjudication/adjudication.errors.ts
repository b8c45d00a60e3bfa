import { AppError } from '../../../platform/errors.js'

/**
 * Errors of the adjudicators' comparison view: MOSIP's manual verification codes (RPR-MVS-*,
 * release-1.2.0.x `PlatformErrorMessages`) where MOSIP has one, else MOS-RPR-*. None names a
 * person or says whom another registration is assigned to.
 */
export const adjudicationErrors = {
  /** The caller is not the adjudicator the registration is assigned to, or it is not assigned (any more). */
  noAssignedRecord: () =>
    new AppError({
      code: 'RPR-MVS-004',
      status: 403,
      message: 'No Assigned Record Found',
      action:
        'Take the registration first (manual-adjudication/assign): only the adjudicator it is assigned to may compare it, and only until it is decided.',
    }),
  /** The applicant's own packet is missing from the packet store (ours to fix). */
  packetNotInStore: () =>
    new AppError({
      code: 'RPR-MVS-018',
      status: 500,
      message: 'Packet Not Found in Packet Store',
      action: 'Report this to the operations team with the registration id.',
    }),
  /** A stored packet that is not the JSON document it was accepted as (ours to fix). */
  unreadablePacket: () =>
    new AppError({
      code: 'MOS-RPR-005',
      status: 500,
      message: 'A stored packet could not be read',
      action: 'Report this to the operations team with the registration id.',
    }),
  /** No ID repository view wired (a process started without the ID repository part). */
  identityViewUnwired: () =>
    new AppError({
      code: 'MOS-RPR-004',
      status: 503,
      message: 'The ID repository service is not wired to the registration processor',
      action: 'Start the identity module with its ID repository part.',
    }),
}
