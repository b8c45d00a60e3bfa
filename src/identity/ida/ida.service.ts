import type { EventBus } from '../../platform/bus/index.js'
import type { KeyedHasher } from '../../platform/crypto/index.js'
import type { Db } from '../../platform/db/index.js'
import { AppError } from '../../platform/errors.js'
import type { AuthLockService, IdRepoService, IdentityRecord, VidService } from '../idrepo/index.js'
import type { PolicyAuthType } from './auth-policy.js'
import type { AuthRequest, OtpRequest } from './auth-request.schema.js'
import { requestOtp, type OtpOutcome } from './otp-request.js'
import {
  idaAuditEvents,
  recordAttempt,
  requestTypes,
  type RequestType,
} from './auth-transaction.js'
import { matchBiometrics } from './bio-match.js'
import type { BiometricMatcher, EnrolledBiometrics } from './biometric-matcher.js'
import type { ConsentGate } from './consent-gate.js'
import { exactMatch, matchDemographics } from './demo-match.js'
import { idaErrors, toIdaError, type IdaErrorItem } from './errors.js'
import { assertUnlocked, resolveIndividual } from './individual.js'
import { kycAttributesOf, kycIdentity, kycLanguageOf, maskId } from './kyc-identity.js'
import type { OtpService } from './otp.service.js'
import { findPartnerPolicy, type PartnerPolicy } from './policy.repository.js'

export interface IdaPartner {
  readonly id: string
  readonly name: string
}

export interface IdaHashers {
  /** ref_id of auth_transaction and otp_transaction: a keyed hash of the individual id. */
  readonly ref: KeyedHasher
  /** The partner-specific token: keyed hash of (partner, uin_ref_id). */
  readonly token: KeyedHasher
}

export interface IdaServiceDeps {
  readonly db: Db
  readonly bus: EventBus
  readonly hashers: IdaHashers
  readonly idRepo: IdRepoService
  readonly vids: VidService
  readonly locks: AuthLockService
  readonly otp: OtpService
  readonly matcher: BiometricMatcher
  readonly enrolled: EnrolledBiometrics
  readonly consent: ConsentGate
  /** How far requestTime may be from now (MOSIP: authrequest.received-time-allowed.seconds). */
  readonly requestWindowSeconds: number
}

export interface AuthOutcome {
  readonly transactionId: string
  readonly authStatus: boolean
  readonly authToken: string | null
  readonly errors: IdaErrorItem[]
  /** eKYC only, on success. */
  readonly kyc?: { identity: Record<string, unknown>; individualId: string; language: string }
}

/** What a request asks to verify, as MOSIP infers it: requestedAuth, else the blocks present. */
export function factorsOf(request: AuthRequest): PolicyAuthType[] {
  const asked = request.requestedAuth
  const body = request.request
  const demo = asked?.demo ?? body.demographics !== undefined
  const otp = asked?.otp ?? body.otp !== undefined
  const bio = asked?.bio ?? body.biometrics !== undefined
  const bioTypes = [...new Set((body.biometrics ?? []).map((b) => b.data.bioType))]
  return [
    ...(demo ? (['demo'] as const) : []),
    ...(otp ? (['otp'] as const) : []),
    ...(bio ? bioTypes.map((t) => `bio-${t}` as const) : []),
  ]
}

const typeOf: Record<PolicyAuthType, RequestType> = {
  demo: requestTypes.demo,
  otp: requestTypes.otp,
  'bio-Finger': requestTypes.finger,
  'bio-Iris': requestTypes.iris,
  'bio-Face': requestTypes.face,
  ekyc: requestTypes.ekyc,
}

/**
 * MOSIP's ID authentication: one pipeline for auth and eKYC. Every attempt, successful or not,
 * ends as one ida.auth_transaction row, one audit entry and one event.
 */
export class IdaService {
  constructor(private readonly deps: IdaServiceDeps) {}

  async authenticate(
    partner: IdaPartner,
    request: AuthRequest,
    kind: 'auth' | 'kyc',
  ): Promise<AuthOutcome> {
    const requestedAt = new Date()
    const factors = factorsOf(request)
    const types = [...factors.map((f) => typeOf[f]), ...(kind === 'kyc' ? [requestTypes.ekyc] : [])]
    let tokenId = ''
    let note: string | undefined
    let kyc: AuthOutcome['kyc']
    let errors: AppError[] = []
    let unexpected: unknown
    try {
      this.checkTime(request.requestTime, requestedAt)
      const policy = await this.policyFor(partner.id)
      checkFactors(request, factors, policy, kind)
      const record = await resolveIndividual(
        this.deps,
        request.individualId,
        request.individualIdType,
        `partner:${partner.id}`,
      )
      tokenId = await this.deps.hashers.token.hash(`${partner.id}:${record.uinRefId}`)
      const attributes =
        kind === 'kyc' ? kycAttributesOf(policy.policy, request.allowedKycAttributes) : []
      // The one consent decision of the pipeline: before any factor is checked or attribute read.
      const consent = await this.deps.consent.check({
        partnerId: partner.id,
        tokenId,
        purpose: kind === 'kyc' ? 'kyc' : 'verification',
        attributes,
        consentObtained: request.consentObtained,
      })
      if (!consent.allowed) throw idaErrors.consentNotAvailable(consent.reason)
      note = consent.consentRef ? `consent ${consent.consentRef}` : undefined
      await assertUnlocked(this.deps.locks, record.uin, factors)
      errors = await this.verify(request, record, partner)
      if (errors.length === 0 && kind === 'kyc') {
        const language = kycLanguageOf(policy.policy, request.secondaryLangCode, record.langCode)
        kyc = {
          identity: kycIdentity(record.identity, attributes, language),
          individualId: policy.policy.maskIndividualId
            ? maskId(request.individualId)
            : request.individualId,
          language,
        }
      }
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) unexpected = error
      errors = [error instanceof AppError ? error : idaErrors.unableToProcess()]
    }
    const success = errors.length === 0
    const transactionId = await recordAttempt(this.deps.db, this.deps.bus, {
      requestedAt,
      requestTransactionId: request.transactionID,
      types,
      success,
      ...(note && { note }),
      refId: await this.deps.hashers.ref.hash(request.individualId),
      refIdType: request.individualIdType,
      tokenId,
      partnerId: partner.id,
      partnerName: partner.name,
      audit: kind === 'kyc' ? idaAuditEvents.ekyc : idaAuditEvents.authRequest,
    })
    // The attempt is on record; a fault of ours still surfaces as a logged 500.
    if (unexpected !== undefined) throw unexpected
    return {
      transactionId,
      authStatus: success,
      authToken: success ? tokenId : null,
      errors: errors.map(toIdaError),
      ...(kyc && { kyc }),
    }
  }

  requestOtp(partner: IdaPartner, request: OtpRequest): Promise<OtpOutcome> {
    return requestOtp(this.deps, this, partner, request)
  }

  /** The partner's policy, or IDA-MPA-014. */
  async policyFor(partnerId: string): Promise<PartnerPolicy> {
    const policy = await findPartnerPolicy(this.deps.db, partnerId)
    if (!policy) throw idaErrors.policyNotMapped()
    return policy
  }

  checkTime(requestTime: string, now: Date): void {
    const window = this.deps.requestWindowSeconds
    if (Math.abs(Date.parse(requestTime) - now.getTime()) > window * 1000)
      throw idaErrors.invalidTimestamp(window)
  }

  /** Checks every factor of the request; returns all failures (MOSIP lists each). */
  private async verify(
    request: AuthRequest,
    record: IdentityRecord,
    partner: IdaPartner,
  ): Promise<AppError[]> {
    const body = request.request
    const failures: AppError[] = []
    if (body.demographics) {
      const info = request.matchInfo?.[0]
      const strategy = info
        ? { strategy: info.matchingStrategy, threshold: info.matchingThreshold ?? 100 }
        : exactMatch
      failures.push(...matchDemographics(body.demographics, record.identity, strategy))
    }
    if (body.otp !== undefined) {
      const refId = await otpRefId(this.deps.hashers.ref, partner.id, request)
      try {
        await this.deps.otp.verify(refId, body.otp, `partner:${partner.id}`)
      } catch (error) {
        failures.push(error as AppError)
      }
    }
    if (body.biometrics) {
      const enrolled = await this.deps.enrolled.templatesOf(record)
      failures.push(...matchBiometrics(body.biometrics, enrolled, this.deps.matcher))
    }
    return failures
  }
}

/** The OTP's ref_id: bound to the partner, its transactionID and the individual id. */
export function otpRefId(
  hasher: KeyedHasher,
  partnerId: string,
  request: { transactionID: string; individualId: string },
): Promise<string> {
  return hasher.hash(`otp:${partnerId}:${request.transactionID}:${request.individualId}`)
}

function checkFactors(
  request: AuthRequest,
  factors: readonly PolicyAuthType[],
  policy: PartnerPolicy,
  kind: 'auth' | 'kyc',
): void {
  if (factors.length === 0) throw idaErrors.noAuthType()
  const allowed: readonly string[] = policy.policy.allowedAuthTypes
  if (kind === 'kyc' && !allowed.includes('ekyc')) throw idaErrors.kycNotAllowed()
  for (const factor of factors)
    if (!allowed.includes(factor)) throw idaErrors.authTypeNotAllowed(factor)
  const body = request.request
  if (factors.includes('demo') && !body.demographics) throw idaErrors.missingAuthAttribute('demo')
  if (factors.includes('otp') && body.otp === undefined) throw idaErrors.missingAuthAttribute('otp')
  if (request.requestedAuth?.bio && !body.biometrics) throw idaErrors.missingAuthAttribute('bio')
}
