import { AppError } from '../../platform/errors.js'

/**
 * IDA's errors, with MOSIP's codes, messages and action messages (IdAuthenticationErrorConstants).
 * An authentication that fails is still a 200 response carrying these in `errors` (as MOSIP
 * answers); the HTTP status only matters for the few thrown before an attempt exists (partner
 * mismatch, unknown policy). None carries an individual id or identity data.
 */
function ida(
  code: string,
  status: number,
  message: string,
  action?: string,
  cause?: unknown,
): AppError {
  return new AppError({
    code,
    status,
    message,
    ...(action !== undefined && { action }),
    ...(cause !== undefined && { cause }),
  })
}

export const idaErrors = {
  invalidTimestamp: (seconds: number) =>
    ida(
      'IDA-MLC-001',
      400,
      `Request to be received at MOSIP within ${seconds} seconds`,
      `Please send the request within ${seconds} seconds`,
    ),
  invalidUin: () => ida('IDA-MLC-002', 400, 'Invalid UIN', 'Please retry with the correct UIN'),
  invalidVid: () => ida('IDA-MLC-004', 400, 'Invalid VID', 'Please retry with correct VID'),
  missingInput: (what: string) => ida('IDA-MLC-006', 400, `Missing Input Parameter - ${what}`),
  unableToProcess: () =>
    ida('IDA-MLC-007', 500, 'Request could not be processed. Please try again'),
  noAuthType: () => ida('IDA-MLC-008', 400, 'No authentication type selected'),
  invalidInput: (what: string) => ida('IDA-MLC-009', 400, `Invalid Input Parameter - ${what}`),
  consentNotAvailable: (reason: string) =>
    ida(
      'IDA-MLC-012',
      403,
      "Individual's Consent is not available",
      `Obtain the individual's consent and try again (${reason})`,
    ),
  missingAuthAttribute: (what: string) => ida('IDA-MLC-013', 400, `Missing ${what} auth attribute`),
  channelNotRegistered: (channel: string) =>
    ida(
      'IDA-MLC-014',
      400,
      `${channel} not registered. Individual has to register and try again`,
      `Please register your ${channel} and try again`,
    ),
  authTypeLocked: (authType: string) =>
    ida('IDA-MLC-019', 403, `${authType} Auth Type is Locked for the UIN`),
  uinDeactivatedBlocked: () => ida('IDA-MLC-022', 400, 'UIN is deactivated/blocked'),
  vidExpiredDeactivated: () => ida('IDA-MLC-023', 400, 'VID is expired/deactivated'),

  demoMismatch: (attribute: string, language?: string) =>
    language
      ? ida(
          'IDA-DEA-001',
          400,
          `Demographic data ${attribute} in ${language} did not match`,
          `Please re-enter your ${attribute} in ${language}`,
        )
      : ida(
          'IDA-DEA-001',
          400,
          `Demographic data ${attribute} did not match`,
          `Please re-enter your ${attribute}`,
        ),
  demoMissing: (attribute: string, language?: string) =>
    ida(
      'IDA-DEA-003',
      400,
      language
        ? `Demographic data ${attribute} in ${language} not available in database`
        : `Demographic data ${attribute} not available in database`,
    ),

  bioMismatch: (what: string) =>
    ida(
      'IDA-BIA-001',
      400,
      `Biometric data ${what} did not match`,
      'Please give your biometrics again',
    ),
  duplicateBiometric: (type: string) =>
    ida('IDA-BIA-002', 400, `Duplicate ${type} in request`, 'Please try again with distinct ones'),
  bioMissing: (what: string) =>
    ida(
      'IDA-BIA-006',
      400,
      `Biometric data ${what} not available in database`,
      'Your Biometric data is not available in MOSIP',
    ),
  invalidBiometric: () => ida('IDA-BIA-011', 400, 'Invalid biometric data'),

  otpFlooded: () => ida('IDA-OTA-001', 429, 'Innumerous OTP requests received'),
  otpGenerationFailed: (cause?: unknown) =>
    ida('IDA-OTA-002', 500, 'Could not generate/send OTP', undefined, cause),
  otpExpired: () =>
    ida(
      'IDA-OTA-003',
      400,
      'OTP has expired',
      'Please regenerate OTP and try again after sometime',
    ),
  otpInvalid: () => ida('IDA-OTA-004', 400, 'OTP is invalid', 'Please provide correct OTP value'),
  otpBlocked: () =>
    ida(
      'IDA-OTA-007',
      400,
      'UIN is locked for OTP validation due to exceeding no of invalid OTP trials',
    ),
  otpChannelMissing: () => ida('IDA-OTA-008', 400, 'OTP Notification Channel not provided'),

  otpNotAllowed: () => ida('IDA-MPA-005', 403, 'OTP Request Usage not allowed as per policy'),
  authTypeNotAllowed: (authType: string) =>
    ida(
      'IDA-MPA-006',
      403,
      `${authType} Authentication usage not allowed as per policy`,
      'Please use other Authentication Types in the request',
    ),
  partnerNotRegistered: () => ida('IDA-MPA-009', 403, 'Partner is not registered'),
  partnerNotMapped: () =>
    ida(
      'IDA-MPA-010',
      403,
      'MISP and Partner not mapped',
      'Use the API key of the partner in the path',
    ),
  kycNotAllowed: () => ida('IDA-MPA-013', 403, 'Partner is unauthorised for eKYC'),
  policyNotMapped: () => ida('IDA-MPA-014', 403, 'Partner is not assigned with any policy'),
}

/** The MOSIP `errors` item of an IDA response. */
export interface IdaErrorItem {
  readonly errorCode: string
  readonly errorMessage: string
  readonly actionMessage?: string
}

/** An AppError as MOSIP's IDA error item; anything else as IDA-MLC-007 (its detail is logged, not sent). */
export function toIdaError(error: unknown): IdaErrorItem {
  const known = error instanceof AppError ? error : idaErrors.unableToProcess()
  return {
    errorCode: known.code,
    errorMessage: known.message,
    ...(known.action !== undefined && { actionMessage: known.action }),
  }
}
