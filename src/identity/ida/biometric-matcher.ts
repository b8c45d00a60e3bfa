import type { IdentityRecord } from '../idrepo/index.js'

/** A biometric template: base64 of a binary feature vector, with its modality. */
export interface BioTemplate {
  readonly type: 'Finger' | 'Iris' | 'Face'
  /** e.g. 'Left IndexFinger', 'Right'; null when the modality has none (Face). */
  readonly subType: string | null
  readonly template: string
}

/** Scores a probe against an enrolled template, 0–100; a real matcher SDK implements this. */
export interface BiometricMatcher {
  readonly threshold: number
  score(probe: string, enrolled: string): number
}

/** Where an identity's enrolled templates come from (the ABIS gallery, a credential cache...). */
export interface EnrolledBiometrics {
  templatesOf(record: IdentityRecord): Promise<readonly BioTemplate[]>
}

/**
 * The built-in 1:1 matcher: the share of equal bits between two equal-length templates (a
 * fractional Hamming similarity, as IrisCode-style matchers score). Unrelated random templates
 * agree on about half their bits, so the default threshold of 80 keeps them well apart. It is
 * meant for synthetic templates; a programme plugs a real SDK behind the same interface.
 */
export function hammingMatcher(threshold = 80): BiometricMatcher {
  return {
    threshold,
    score(probe, enrolled) {
      const a = Buffer.from(probe, 'base64')
      const b = Buffer.from(enrolled, 'base64')
      if (a.length === 0 || a.length !== b.length) return 0
      let same = 0
      for (let i = 0; i < a.length; i += 1) same += 8 - bitCount((a[i] ?? 0) ^ (b[i] ?? 0))
      return (100 * same) / (a.length * 8)
    },
  }
}

function bitCount(byte: number): number {
  let count = 0
  for (let n = byte; n !== 0; n &= n - 1) count += 1
  return count
}
