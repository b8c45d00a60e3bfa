/**
 * Sub-status codes and their comments as MOSIP writes them (release-1.2.0.x `StatusUtil.java`
 * with the `StatusConstants.java` prefixes `RPR-<MODULE>-<SUCCESS|FAILED|SKIPPED>-`, checked
 * code by code). MOSIP's quirks are kept, since reports match on these strings: the packet
 * classifier's prefix lacks its dash (`RPR-PKCSUCCESS-001`), and some modules have no
 * SUCCESS/FAILED part (`RPR-MVS-002`, `RPR-VER-*`, `RPR-WIA-*`, `RPR-WAS-*`). Comments that MOSIP
 * ends with " - " get a suffix of codes or ids only (never personal data). Only codes our
 * stages can emit are listed; the rest of MOSIP's ~200 can be added as stages need them.
 */
export const subStatuses = {
  PACKET_RECEIVED: s('RPR-PKR-SUCCESS-001', 'Packet has reached Packet Receiver'),
  PACKET_DECRYPTION_FAILED: s('RPR-PKR-FAILED-002', 'Packet Decryption Failed'),
  NOTIFICATION_RECEIVED_TO_SECUREZONE: s(
    'RPR-SEN-SUCCESS-001',
    'Notification received to securezone',
  ),
  PACKET_UPLOADED: s('RPR-PKU-SUCCESS-001', 'Packet is Uploaded to Packet Store'),
  PACKET_UPLOAD_FAILED: s('RPR-PKU-FAILED-003', 'Packet Upload Failed'),
  PACKET_HASHCODE_VALIDATION_FAILED: s('RPR-PKU-FAILED-005', 'Packet Hash Code Validation Failed'),
  PACKET_STRUCTURAL_VALIDATION_SUCCESS: s('RPR-PKV-SUCCESS-001', 'Packet Validation is Successful'),
  SCHEMA_VALIDATION_FAILED: s('RPR-PKV-FAILED-002', 'Schema Validation Failed'),
  APPLICANT_DOCUMENT_VALIDATION_FAILED: s(
    'RPR-PKV-FAILED-005',
    'Applicant Document Validation Failed',
  ),
  UIN_NOT_FOUND_IDREPO: s('RPR-PKV-FAILED-008', 'UIN is Not Found in ID Repository'),
  MANDATORY_VALIDATION_FAILED: s(
    'RPR-PKV-FAILED-009',
    'Mandatory Fields are Not Present in ID Object',
  ),
  RID_AND_TYPE_SYNC_FAILED: s('RPR-PKV-FAILED-010', 'RID & Type not matched from sync table'),
  PACKET_REJECTED: s('RPR-PKV-FAILED-011', 'Rejected by Supervisor'),
  PACKET_CONSENT_VALIDATION: s(
    'RPR-PKV-FAILED-017',
    'Consent is not agreed for the packet to process further',
  ),
  PACKET_CLASSIFICATION_SUCCESS: s('RPR-PKCSUCCESS-001', 'Packet Classification is Successful'),
  CMD_VALIDATION_SUCCESS: s('RPR-CMD-SUCCESS-001', 'CMD Validation is Successful'),
  CENTER_ID_NOT_FOUND: s('RPR-CMD-FAILED-002', 'Center ID Not Found in Master DB - '),
  CENTER_ID_INACTIVE: s('RPR-CMD-FAILED-003', 'Center was InActive during Packet Creation - '),
  MACHINE_ID_NOT_FOUND: s('RPR-CMD-FAILED-004', 'Machine ID Not Found in Master DB - '),
  MACHINE_ID_NOT_ACTIVE: s(
    'RPR-CMD-FAILED-005',
    'Machine ID was InActive during Packet Creation - ',
  ),
  DEVICE_NOT_FOUND_MASTER_DB: s('RPR-CMD-FAILED-008', 'Device Not Found in Master DB - '),
  DEVICE_VALIDATION_FAILED: s('RPR-CMD-FAILED-009', 'Device Validation Failed'),
  PACKET_CREATION_WORKING_HOURS: s(
    'RPR-CMD-FAILED-010',
    'Packet was Not Created during Working Hours - ',
  ),
  OPERATOR_VALIDATION_SUCCESS: s('RPR-OVM-SUCCESS-001', 'OPERATOR Validation is Successful'),
  OFFICER_NOT_ACTIVE: s('RPR-OVM-FAILED-001', 'OfficerId is inActive'),
  OFFICER_WAS_INACTIVE: s('RPR-OVM-FAILED-004', 'Officer was Not Active during Packet Creation - '),
  OFFICER_NOT_FOUND_PACKET: s('RPR-OVM-FAILED-005', 'Officer ID is NULL'),
  SUPERVISOR_VALIDATION_SUCCESS: s('RPR-SVM-SUCCESS-001', 'SUPERVISOR Validation is Successful'),
  SUPERVISOR_NOT_ACTIVE: s('RPR-SVM-FAILED-001', 'SupervisorId is inActive'),
  SUPERVISOR_WAS_INACTIVE: s(
    'RPR-SVM-FAILED-004',
    'Supervisor was Not Active during Packet Creation - ',
  ),
  INTRODUCER_VALIDATION_SUCCESS: s('RPR-IVM-SUCCESS-001', 'INTRODUCER Validation is Successful'),
  UIN_RID_NOT_FOUND: s('RPR-IVM-FAILED-002', 'UIN or RID of Introducer Not Found in Packet'),
  INTRODUCER_UIN_NOT_FOUND: s('RPR-IVM-FAILED-003', 'Introducer UIN not Found for the Given RID'),
  PACKET_ON_HOLD: s(
    'RPR-IVM-FAILED-005',
    'Packet On-Hold as Introducer packet is not processed yet.',
  ),
  CHILD_PACKET_REJECTED: s('RPR-IVM-FAILED-006', 'Packet Rejected as Parent Packet is Rejected'),
  INDIVIDUAL_BIOMETRIC_NOT_FOUND: s(
    'RPR-QCK-SUCCESS-001',
    'Individual Biometric Parameter Not Found in ID JSON so skipping biometric classification',
  ),
  BIOMETRIC_QUALITY_CHECK_SUCCESS: s(
    'RPR-QCK-SUCCESS-002',
    'Biometric Quality Check is Successful',
  ),
  BIOMETRIC_QUALITY_CHECK_FAILED: s(
    'RPR-QCK-FAILED-001',
    'Quality Score of Biometrics Captured is Below the Threshold',
  ),
  BIOMETRIC_AUTHENTICATION_SUCCESS: s(
    'RPR-BAU-SUCCESS-001',
    'Biometric Authentication is Successful',
  ),
  BIOMETRIC_AUTHENTICATION_SKIPPED: s(
    'RPR-BAU-SUCCESS-002',
    'Biometric Authentication is Skipped ',
  ),
  BIOMETRIC_AUTHENTICATION_FAILED: s('RPR-BAU-FAILED-001', 'Biometric Authentication has Failed'),
  DEMO_DEDUPE_SUCCESS: s('RPR-DDP-SUCCESS-001', 'Demo Dedupe is Successful'),
  POTENTIAL_MATCH_FOUND: s('RPR-DDP-FAILED-002', 'Potential Demo Match was Found'),
  DEMO_DEDUPE_SKIPPED: s('RPR-DDP-SKIPPED-003', 'Demographic Deduplication Skipped'),
  INSERT_IDENTIFY_REQUEST_SUCCESS: s(
    'RPR-AMW-SUCCESS-001',
    'Insert or Identify Request sent to ABIS Queue is succesful',
  ),
  INSERT_IDENTIFY_RESPONSE_SUCCESS: s(
    'RPR-AMW-SUCCESS-002',
    'Recived sucessful response from ABIS',
  ),
  BIO_DEDUPE_INPROGRESS: s('RPR-BDP-SUCCESS-001', 'Biometric Deduplication In-Progress'),
  BIO_DEDUPE_SUCCESS: s('RPR-BDP-SUCCESS-002', 'Biometric Deduplication is Successful'),
  BIO_DEDUPE_POTENTIAL_MATCH: s(
    'RPR-BDP-FAILED-001',
    'Potential Biometric Match Found while Processing Packet',
  ),
  LOST_PACKET_BIOMETRICS_NOT_FOUND: s(
    'RPR-BDP-FAILED-002',
    'No Match was Found for the Biometrics Received',
  ),
  LOST_PACKET_UNIQUE_MATCH_FOUND: s(
    'RPR-BDP-SUCCESS-003',
    'Unique Match was Found for the Biometrics Received',
  ),
  LOST_PACKET_MULTIPLE_MATCH_FOUND: s(
    'RPR-BDP-FAILED-003',
    'Multiple Match was Found for the Biometrics Received',
  ),
  MANUAL_VERIFIER_APPROVED_PACKET: s('RPR-MNV-SUCCESS-001', 'Match Not Found by Manual Verifier'),
  MANUAL_VERIFIER_REJECTED_PACKET: s('RPR-MNV-FAILED-002', 'Match Found by Manual Verifier'),
  RPR_MANUAL_VERIFICATION_SENT_TO_QUEUE: s(
    'RPR-MVS-002',
    'Manual verification request sent to queue',
  ),
  VERIFICATION_SUCCESS: s('RPR-VER-001', 'Verification success'),
  VERIFICATION_FAILED: s('RPR-VER-002', 'Verification failed'),
  VERIFICATION_SENT: s('RPR-VER-003', 'Sent for verification'),
  UIN_GENERATED_SUCCESS: s('RPR-UIN-SUCCESS-001', 'UIN Generated Successfully'),
  UIN_DATA_UPDATION_SUCCESS: s('RPR-UIN-SUCCESS-002', 'UIN Data is drafted Successfully'),
  UIN_ACTIVATED_SUCCESS: s('RPR-UIN-SUCCESS-003', 'UIN is Activated'),
  UIN_DEACTIVATION_SUCCESS: s('RPR-UIN-SUCCESS-004', 'UIN is Deactivated'),
  LINK_RID_FOR_LOST_PACKET_SUCCESS: s(
    'RPR-UIN-SUCCESS-005',
    'RID linked Successfully for Lost UIN Packet',
  ),
  LINK_RID_FOR_LOST_PACKET_FAILED: s('RPR-UIN-FAILED-008', 'UIn not found the the matched RID'),
  UIN_ALREADY_ACTIVATED: s('RPR-UIN-FAILED-001', 'UIN is already Activated'),
  UIN_ALREADY_DEACTIVATED: s('RPR-UIN-FAILED-003', 'UIN already deactivated'),
  UIN_GENERATION_FAILED: s('RPR-UIN-FAILED-004', 'UIN Generation failed - '),
  UIN_DATA_UPDATION_FAILED: s('RPR-UIN-FAILED-005', 'UIN Updation failed - '),
  BIOMETRIC_EXTRACTION_SUCCESS: s('RPR-BEN-SUCCESS-001', 'biometric extaction was successful'),
  FINALIZATION_SUCCESS: s('RPR-FIN-SUCCESS-001', 'idrepo draft was published  successfuly'),
  PRINT_REQUEST_SUCCESS: s('RPR-PPS-SUCCESS-001', 'Print request submitted'),
  PRINT_REQUEST_FAILED: s('RPR-PPS-FAILED-009', 'Print request failed'),
  RE_PROCESS_FAILED: s(
    'RPR-RPS-FAILED-001',
    'Reprocess count has exceeded the configured attempts',
  ),
  RE_PROCESS_COMPLETED: s('RPR-RPS-SUCCESS-001', 'Reprocess Completed'),
  WORKFLOW_INTERNAL_ACTION_SUCCESS: s(
    'RPR-WIA-001',
    'Packet workflow internal action completed successfully',
  ),
  WORKFLOW_INTERNAL_ACTION_REJECTED_ITERATIONS_EXCEEDED_LIMIT: s(
    'RPR-WIA-002',
    'Packet rejected as number of iterations exceeded permited limit.',
  ),
  WORKFLOW_ACTION_SERVICE_SUCCESS: s('RPR-WAS-001', 'Packet workflow resume  successfully'),
  SYSTEM_EXCEPTION_OCCURED: s('RPR-SYS-EXCEPTION-001', 'Internal error occured - '),
} as const

export type SubStatusName = keyof typeof subStatuses
export interface SubStatus {
  readonly code: string
  readonly comment: string
}

function s(code: string, comment: string): SubStatus {
  return { code, comment }
}

/** The comment, with a suffix (ids or codes only) for MOSIP's comments ending in " - ". */
export function statusComment(name: SubStatusName, suffix?: string): string {
  const base = subStatuses[name].comment
  return (suffix ? `${base}${suffix}` : base).slice(0, 256)
}
