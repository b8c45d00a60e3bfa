/** What `verify` can find wrong; each code is stable (scripts and alerts key on it). */
export const findingCodes = [
  'head-missing',
  'head-mismatch',
  'entry-missing',
  'entry-extra',
  'entry-malformed',
  'entry-chain',
  'entry-unclaimed',
  'entry-claimed-twice',
  'tile-missing',
  'tile-extra',
  'tile-mismatch',
  'root-mismatch',
  'record-head-mismatch',
  'checkpoint-signature',
  'checkpoint-malformed',
  'checkpoint-ahead',
  'checkpoint-inconsistent',
  'cosignature-invalid',
  'journal-entry-mismatch',
  'journal-unlogged',
  'consent-invalid',
  'record-changed',
  'record-deleted',
  'record-unlogged',
] as const
export type FindingCode = (typeof findingCodes)[number]

/** One disagreement. Messages name indexes, tiles, sizes and record refs, never personal data. */
export interface Finding {
  readonly code: FindingCode
  readonly message: string
}

export interface AuditCounts {
  entries: number
  tiles: number
  checkpoints: number
  journalRows: number
  unloggedRows: number
  consents: number
  records: number
}

export interface AuditReport {
  readonly ok: boolean
  /** The log's size (integrity.head) and root as recomputed from the entries. */
  readonly size: number
  readonly checked: AuditCounts
  readonly findings: readonly Finding[]
  /** Findings left out of `findings` beyond the per-code cap, by code. */
  readonly omitted: Partial<Record<FindingCode, number>>
}

/** Progress of a phase: `done` of `total` (units of the phase). */
export type AuditProgress = (phase: string, done: number, total: number) => void

/**
 * Collects findings, keeping at most `cap` of each code (a wholesale rewrite would otherwise
 * produce millions) and counting the rest.
 */
export class Findings {
  readonly list: Finding[] = []
  readonly omitted: Partial<Record<FindingCode, number>> = {}
  readonly #perCode = new Map<FindingCode, number>()

  constructor(private readonly cap = 100) {}

  add(code: FindingCode, message: string): void {
    const count = (this.#perCode.get(code) ?? 0) + 1
    this.#perCode.set(code, count)
    if (count <= this.cap) this.list.push({ code, message })
    else this.omitted[code] = (this.omitted[code] ?? 0) + 1
  }

  get empty(): boolean {
    return this.#perCode.size === 0
  }
}
