import { AppError } from '../../platform/errors.js'
import type { AuthType } from '../idrepo/index.js'
import type { OtpRequest } from './auth-request.schema.js'
import {
  countOtpRequests,
  idaAuditEvents,
  recordAttempt,
  requestTypes,
} from './auth-transaction.js'
import { idaErrors, toIdaError, type IdaErrorItem } from './errors.js'
import type { IdaPartner, IdaService, IdaServiceDeps } from './ida.service.js'
import { otpRefId } from './ida.service.js'
import { resolveIndividual } from './individual.js'
import type { OtpChannelAddress } from './otp.service.js'

export interface OtpOutcome {
  readonly transactionId: string
  readonly maskedMobile: string | null
  readonly maskedEmail: string | null
  readonly errors: IdaErrorItem[]
}

/** OTP requests allowed per individual in a minute before IDA-OTA-001 (MOSIP's flooding check). */
export const otpRequestsPerMinute = 3

const channels = {
  PHONE: { attribute: 'phone', notify: 'sms', lock: 'otp-phone', label: 'Mobile Number' },
  EMAIL: { attribute: 'email', notify: 'email', lock: 'otp-email', label: 'Email ID' },
} as const satisfies Record<
  string,
  { attribute: string; notify: 'sms' | 'email'; lock: AuthType; label: string }
>

/**
 * MOSIP's OTP request: the partner's policy must allow OTP (IDA-MPA-005), each channel needs a
 * registered address (IDA-MLC-014) and must not be locked (IDA-MLC-019). The OTP goes out through
 * the platform's notify service; the address is used, never logged or returned unmasked.
 */
export async function requestOtp(
  deps: IdaServiceDeps,
  service: Pick<IdaService, 'checkTime' | 'policyFor'>,
  partner: IdaPartner,
  request: OtpRequest,
): Promise<OtpOutcome> {
  const requestedAt = new Date()
  let tokenId = ''
  let masked = { maskedMobile: null as string | null, maskedEmail: null as string | null }
  let failure: AppError | undefined
  let unexpected: unknown
  const refId = await deps.hashers.ref.hash(request.individualId)
  try {
    service.checkTime(request.requestTime, requestedAt)
    const policy = await service.policyFor(partner.id)
    if (!policy.policy.allowedAuthTypes.includes('otp')) throw idaErrors.otpNotAllowed()
    const since = new Date(requestedAt.getTime() - 60_000)
    if ((await countOtpRequests(deps.db, refId, since)) >= otpRequestsPerMinute)
      throw idaErrors.otpFlooded()
    const actor = `partner:${partner.id}`
    const record = await resolveIndividual(
      deps,
      request.individualId,
      request.individualIdType,
      actor,
    )
    tokenId = await deps.hashers.token.hash(`${partner.id}:${record.uinRefId}`)
    const status = await deps.locks.status(record.uin)
    const addresses: OtpChannelAddress[] = []
    for (const name of new Set(request.otpChannel)) {
      const channel = channels[name]
      if (status.find((s) => s.authType === channel.lock)?.locked)
        throw idaErrors.authTypeLocked(channel.lock)
      const to = record.identity[channel.attribute]
      if (typeof to !== 'string' || to.length === 0)
        throw idaErrors.channelNotRegistered(channel.label)
      addresses.push({ channel: channel.notify, to })
      if (name === 'PHONE') masked = { ...masked, maskedMobile: maskPhone(to) }
      else masked = { ...masked, maskedEmail: maskEmail(to) }
    }
    const otpRef = await otpRefId(deps.hashers.ref, partner.id, request)
    await deps.otp.issue(otpRef, addresses, record.langCode ?? 'eng', actor)
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) unexpected = error
    failure = error instanceof AppError ? error : idaErrors.otpGenerationFailed(error)
  }
  const transactionId = await recordAttempt(deps.db, deps.bus, {
    requestedAt,
    requestTransactionId: request.transactionID,
    types: [requestTypes.otpRequest],
    success: failure === undefined,
    refId,
    refIdType: request.individualIdType,
    tokenId,
    partnerId: partner.id,
    partnerName: partner.name,
    audit: idaAuditEvents.otpRequest,
  })
  if (unexpected !== undefined && !(unexpected instanceof AppError)) throw unexpected
  return failure
    ? { transactionId, maskedMobile: null, maskedEmail: null, errors: [toIdaError(failure)] }
    : { transactionId, ...masked, errors: [] }
}

/** "XXXXXXXXX333": the last 3 digits, as MOSIP masks mobile numbers. */
function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  return `${'X'.repeat(Math.max(0, digits.length - 3))}${digits.slice(-3)}`
}

/** "waXXXXXXXXXXXX@example.org": two letters of the local part and the domain. */
function maskEmail(email: string): string {
  const at = email.lastIndexOf('@')
  if (at < 1) return 'XXXX'
  const local = email.slice(0, at)
  return `${local.slice(0, 2)}${'X'.repeat(Math.max(0, local.length - 2))}${email.slice(at)}`
}
