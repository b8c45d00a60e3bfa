import { AppError } from '../../platform/errors.js'
import type { RidRuleId } from '../ids/index.js'

/**
 * The registration processor's error vocabulary: MOSIP's packet receiver (RPR-PKR-*) and
 * registration status (RPR-RGS-*) codes and messages where MOSIP has one (release-1.2.0.x
 * `PlatformErrorMessages`), else MOS-RPR-*.
 */
export const regprcErrors = {
  packetNotSynced: () =>
    new AppError({
      code: 'RPR-PKR-001',
      status: 404,
      message: 'Packet Not Found in Sync Table',
      action: 'Sync the registration first (registrationstatus/sync), then upload the packet.',
    }),
  invalidPacketSize: (maxBytes: number) =>
    new AppError({
      code: 'RPR-PKR-002',
      status: 413,
      message: 'Invalid Packet Size',
      action: `Packets may have at most ${maxBytes} bytes.`,
    }),
  packetSizeNotMatching: () =>
    new AppError({
      code: 'RPR-PKR-013',
      status: 400,
      message: 'Packet Size is Not Matching',
      action: 'Upload the packet exactly as synced; its size must match packetSize.',
    }),
  invalidPacketFormat: (problem: string) =>
    new AppError({
      code: 'RPR-PKR-003',
      status: 400,
      message: `Invalid Packet Format - ${problem}`,
      action: 'Send the packet as JSON (see docs/identity.md, packet format).',
    }),
  duplicatePacket: () =>
    new AppError({
      code: 'RPR-PKR-005',
      status: 409,
      message: 'Duplicate Request Received',
      action: 'Nothing to do: the packet is already being processed.',
    }),
  packetHashMismatch: () =>
    new AppError({
      code: 'RPR-PKR-009',
      status: 400,
      message: 'Packet HashSequence did not match',
      action: 'Upload the packet exactly as synced; its SHA-256 must match packetHashValue.',
    }),
  invalidSyncType: () =>
    new AppError({
      code: 'RPR-RGS-003',
      status: 400,
      message: 'Invalid Sync Type',
      action: 'Use one of NEW, UPDATE, LOST, ACTIVATED, DEACTIVATED, RES_UPDATE, RES_REPRINT.',
    }),
  invalidLanguageCode: () =>
    new AppError({
      code: 'RPR-RGS-004',
      status: 400,
      message: 'Invalid Language Code - Language Code must be of Three Characters',
      action: 'Send an ISO 639-2 language code such as eng.',
    }),
  emptyRid: () =>
    new AppError({
      code: 'RPR-RGS-006',
      status: 400,
      message: 'Invalid Request Value - RID cannot be NULL',
      action: 'Send the registration id of the packet.',
    }),
  /** MOSIP maps the kernel RID validator's length, digits and timestamp failures (008 for the rest). */
  invalidRid: (rule: RidRuleId | 'type') => {
    const [code, message] =
      rule === 'length'
        ? ['RPR-RGS-009', 'Invalid Request Value - RID Length is not as per Configuration']
        : rule === 'timestamp' || rule === 'timestamp-future'
          ? ['RPR-RGS-007', 'Invalid Request Value - Invalid Timestamp in RID']
          : ['RPR-RGS-008', 'Invalid Request Value - RID must be Numberic']
    return new AppError({
      code,
      status: 400,
      message,
      action: 'Send the 29-digit RID the registration client generated.',
    })
  },
  invalidSupervisorStatus: () =>
    new AppError({
      code: 'RPR-RGS-026',
      status: 400,
      message: 'Invalid Request Value - Supervisor Status can be APPROVED/REJECTED',
      action: 'Send supervisorStatus APPROVED or REJECTED.',
    }),
  missingHashValue: () =>
    new AppError({
      code: 'RPR-RGS-027',
      status: 400,
      message: 'Invalid Request Value - Hash Sequence is NULL',
      action: "Send the packet's SHA-256 (hex) as packetHashValue.",
    }),
  registrationNotFound: () =>
    new AppError({
      code: 'RPR-RGS-031',
      status: 404,
      message: 'RID Not Found',
      action: 'Check the registration id, or sync and upload the packet first.',
    }),
  notAwaitingDecision: () =>
    new AppError({
      code: 'MOS-RPR-001',
      status: 409,
      message: 'The registration is not waiting for this decision',
      action: 'Reload the queue: the registration has moved on or was decided already.',
    }),
  unsupportedProcess: (process: string) =>
    new AppError({
      code: 'MOS-RPR-002',
      status: 500,
      message: `No workflow route for process ${process.slice(0, 36)}`,
      action: 'Report this to the operations team.',
    }),
  verificationNotFound: () =>
    new AppError({
      code: 'MOS-RPR-003',
      status: 404,
      message: 'No manual adjudication or verification entry for this registration',
      action: 'Check the workflow instance and matched reference ids.',
    }),
}
