/** What IDA asks before it authenticates or shares KYC attributes. */
export interface ConsentRequest {
  readonly partnerId: string
  /** The partner-specific token of the individual: a consent store never sees a UIN. */
  readonly tokenId: string
  readonly purpose: 'verification' | 'kyc'
  /** KYC attributes that would be shared (empty for verification). */
  readonly attributes: string[]
  /** MOSIP's `consentObtained`: the partner's statement that the individual consented. */
  readonly consentObtained: boolean
}

export type ConsentDecision =
  | { readonly allowed: true; readonly consentRef?: string }
  | { readonly allowed: false; readonly reason: string }

/**
 * The single place where consent is decided before any authentication or KYC proceeds:
 * IdaService calls it once per request, after the individual is resolved and before any
 * factor is checked or attribute read. The consent module (seed #6) will provide a gate backed
 * by its consent artefacts; a refusal fails the attempt with IDA-MLC-012 and an N transaction.
 */
export interface ConsentGate {
  check(request: ConsentRequest): Promise<ConsentDecision>
}

/**
 * The default, MOSIP's own rule: the partner's `consentObtained` statement is the consent.
 * True is allowed and recorded (consentRef `consentObtained`, kept in the transaction's status
 * comment); false is refused, as MOSIP answers IDA-MLC-012.
 */
export const partnerStatementGate: ConsentGate = {
  async check(request) {
    return request.consentObtained
      ? { allowed: true, consentRef: 'consentObtained' }
      : { allowed: false, reason: 'the partner did not obtain consent (consentObtained false)' }
  },
}
