import { formatRid } from '../ids/index.js'
import type { IdRepoCrypto } from '../idrepo/index.js'
import type { AuthHashers } from './auth-rows.js'
import type { Country } from './country-model.js'
import type { DayPlan } from './day-plan.js'
import type { SeedIdentifiers } from './identity-rows.js'
import type { Prng } from './prng.js'
import { generateResident, type Resident } from './resident.js'
import type { SeedSink } from './seed-sink.js'
import type { SeedOptions } from './seed-options.js'

/** The fraud patterns the seed plants, named as the fraud module's rules will be. */
export const fraudPatterns = [
  'outside-working-hours',
  'deceased-registered',
  'child-invalid-introducer',
  'prereg-from-abroad',
  'prereg-many-from-one-host',
  'slow-operator',
  'decommissioned-center-attempt',
  'disabled-operator-attempt',
  'frequent-manual-adjudication',
  'fake-supporting-document',
] as const
export type FraudPattern = (typeof fraudPatterns)[number]

/** What kind of personal value the seed made up. */
export type PersonalDataKind = 'name' | 'phone' | 'email' | 'address'

/**
 * Sees each personal value the seed makes up (residents' and operators' names, phones, emails,
 * street addresses) in plaintext, before it is encrypted: for tests proving none is stored so.
 */
export type PersonalDataObserver = (kind: PersonalDataKind, value: string) => void

/** A registration planted on a given day (fraud attempts, impostors of the dead). */
export type PlantedEvent = (context: SeedContext, day: DayPlan) => Promise<void> | void

/** Everything the generators share during one seed run. */
export interface SeedContext {
  readonly sink: SeedSink
  readonly prng: Prng
  readonly crypto: IdRepoCrypto
  /** Keyed hashers of ID authentication, to write partners' auth transactions; null = none. */
  readonly auth: AuthHashers | null
  readonly ids: SeedIdentifiers
  readonly country: Country
  readonly options: SeedOptions
  readonly days: readonly DayPlan[]
  readonly planted: Map<number, PlantedEvent[]>
  readonly onPersonalData: PersonalDataObserver
  /** Document hashes planted for reuse across residents (fake supporting documents). */
  readonly fakeDocuments: { readonly hash: string; readonly uinRefIds: string[] }[]
  /** RID of an adult with a UIN, to introduce the next child. */
  lastAdultRid: string | null
  /** Follow-up request types already made: until one is, it is owed (see resident-life.ts). */
  readonly followUpsMade: Set<string>
  nextRid(centerId: string, machineId: string, at: Date): string
  nextPreregId(): string
  truth(
    pattern: FraudPattern,
    refId: string,
    refIdType: string,
    details: Record<string, unknown>,
  ): void
}

export function createSeedContext(
  base: Omit<
    SeedContext,
    | 'nextRid'
    | 'nextPreregId'
    | 'truth'
    | 'planted'
    | 'lastAdultRid'
    | 'fakeDocuments'
    | 'followUpsMade'
  >,
): SeedContext & { readonly sequences: Map<string, number> } {
  const sequences = new Map<string, number>()
  let prereg = 0
  const context = {
    ...base,
    planted: new Map<number, PlantedEvent[]>(),
    fakeDocuments: [],
    lastAdultRid: null,
    followUpsMade: new Set<string>(),
    sequences,
    nextRid(centerId: string, machineId: string, at: Date) {
      const key = `${centerId}:${machineId}`
      const sequence = ((sequences.get(key) ?? 0) % 99_999) + 1
      sequences.set(key, sequence)
      return formatRid({ centerId, machineId, sequence, createdAt: at })
    },
    nextPreregId() {
      prereg++
      // 14 digits as MOSIP's PRID; spread so consecutive ids do not look sequential.
      return String(10_000_000_000_000 + ((prereg * 7_919_113) % 89_999_999_999_999))
    },
    truth(
      pattern: FraudPattern,
      refId: string,
      refIdType: string,
      details: Record<string, unknown>,
    ) {
      base.sink.add('fraudTruth', [
        base.prng.uuid(),
        pattern,
        refId,
        refIdType,
        JSON.stringify(details),
      ])
    },
  }
  return context
}

/** A new synthetic person from the context's stream, shown to the personal-data observer. */
export function newResident(context: SeedContext, at: Date): Resident {
  const resident = generateResident(context.prng, context.country, at)
  context.onPersonalData('name', resident.fullName)
  context.onPersonalData('address', resident.addressLine1)
  if (resident.phone) context.onPersonalData('phone', resident.phone)
  if (resident.email) context.onPersonalData('email', resident.email)
  return resident
}

/** Adds an event to a day's plan (days outside the window are dropped). */
export function plant(context: SeedContext, dayIndex: number, event: PlantedEvent): void {
  if (dayIndex < 0 || dayIndex >= context.days.length) return
  const list = context.planted.get(dayIndex) ?? []
  list.push(event)
  context.planted.set(dayIndex, list)
}
