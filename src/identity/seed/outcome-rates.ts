import type { SyncType } from '../regprc/index.js'

/**
 * How a packet's processing ends, drawn per registration. The rates are the seed's documented
 * assumptions (docs/identity.md), in the range MOSIP deployments report: most packets pass,
 * a few percent fail validation or quality, a few go to manual adjudication.
 */
export type Outcome =
  | 'processed'
  | 'document-invalid'
  | 'mandatory-missing'
  | 'supervisor-rejected'
  | 'quality-low'
  | 'introducer-invalid'
  | 'bio-auth-failed'
  | 'demo-match-approved'
  | 'demo-match-rejected'
  | 'bio-match-approved'
  | 'bio-match-rejected'
  | 'lost-no-match'
  | 'uin-state-conflict'
  | 'print-failed'
  | 'reprocessed-then-processed'
  | 'stuck-reprocess'
  | 'reprocess-failed'
  | 'stuck-processing'

type Rates = readonly (readonly [Outcome, number])[]

/** Failure and stuck rates common to every center packet (per cent). */
const common: Rates = [
  ['document-invalid', 0.8],
  ['mandatory-missing', 0.4],
  ['supervisor-rejected', 0.5],
  ['quality-low', 2.0],
  ['print-failed', 0.3],
  ['reprocessed-then-processed', 1.0],
  ['stuck-reprocess', 0.6],
  ['reprocess-failed', 0.2],
  ['stuck-processing', 0.4],
]

export const outcomeRates: Record<SyncType, Rates> = {
  NEW: [
    ...common,
    ['demo-match-approved', 1.6],
    ['demo-match-rejected', 1.4],
    ['bio-match-approved', 0.6],
    ['bio-match-rejected', 0.9],
  ],
  UPDATE: [
    ...common,
    ['bio-auth-failed', 1.5],
    ['demo-match-approved', 0.5],
    ['demo-match-rejected', 0.3],
  ],
  LOST: [...common, ['lost-no-match', 8.0], ['bio-match-approved', 0.5]],
  RES_UPDATE: [
    ['document-invalid', 1.0],
    ['demo-match-approved', 0.6],
    ['demo-match-rejected', 0.4],
    ['stuck-processing', 0.3],
  ],
  RES_REPRINT: [
    ['print-failed', 1.0],
    ['stuck-processing', 0.3],
  ],
  ACTIVATED: [
    ['uin-state-conflict', 2.0],
    ['stuck-processing', 0.3],
  ],
  DEACTIVATED: [
    ['uin-state-conflict', 2.0],
    ['stuck-processing', 0.3],
  ],
}

/** Children without a valid introducer (natural data-entry errors, not planted fraud). */
export const introducerFailureRate = 0.01
/** At the planted adjudication-heavy center, potential matches are this many times likelier. */
export const heavyCenterMatchFactor = 8

/** The outcome table with 'processed' taking the rest, and match rates scaled for one center. */
export function outcomeTable(type: SyncType, matchFactor = 1): Rates {
  const rates = outcomeRates[type].map(
    ([outcome, percent]) =>
      [outcome, outcome.includes('match-') ? percent * matchFactor : percent] as const,
  )
  const rest = 100 - rates.reduce((sum, [, percent]) => sum + percent, 0)
  return [['processed', rest], ...rates]
}
