/**
 * Similarity of two binary templates (base64), 0–100: the share of equal bits, the way
 * IrisCode-style matchers score with a fractional Hamming distance. Templates of different
 * lengths do not compare (0).
 */
export function templateSimilarity(a: string, b: string): number {
  const x = Buffer.from(a, 'base64')
  const y = Buffer.from(b, 'base64')
  if (x.length === 0 || x.length !== y.length) return 0
  let differing = 0
  x.forEach((byte, i) => (differing += popcount(byte ^ (y[i] ?? 0))))
  return 100 * (1 - differing / (x.length * 8))
}

function popcount(byte: number): number {
  let n = byte
  let count = 0
  while (n) {
    count += n & 1
    n >>= 1
  }
  return count
}

export interface StoredTemplate {
  readonly type: string
  readonly subType: string | null
  readonly template: string
}

/**
 * Score of a probe against a gallery entry: the mean similarity over the modalities (type and
 * subtype) both captured, or 0 when they share none.
 */
export function fusedScore(
  probe: readonly StoredTemplate[],
  entry: readonly StoredTemplate[],
): number {
  const scores: number[] = []
  for (const p of probe) {
    const e = entry.find((t) => t.type === p.type && t.subType === p.subType)
    if (e) scores.push(templateSimilarity(p.template, e.template))
  }
  return scores.length ? scores.reduce((s, v) => s + v, 0) / scores.length : 0
}
