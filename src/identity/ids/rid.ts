import { z } from 'zod'
import { idsErrors } from './errors.js'
import { firstViolation, type IdCheck, type Violation } from './id-check.js'

/** RID rule ids, in the order they are checked. */
export const ridRuleIds = [
  'length',
  'numeric',
  'center-id',
  'machine-id',
  'sequence',
  'timestamp',
  'timestamp-future',
] as const
export type RidRuleId = (typeof ridRuleIds)[number]

/**
 * MOSIP's RID layout (`mosip.kernel.rid.*`): center id (5) + machine id (5) + sequence (5,
 * zero-padded, 1 to 99999) + UTC creation time yyyyMMddHHmmss (14) = 29 digits.
 */
export const ridLayout = {
  centerId: 5,
  machineId: 5,
  sequence: 5,
  timestamp: 14,
  length: 29,
} as const
export const ridMaxSequence = 99_999

/** The parts of a RID. */
export interface RidParts {
  readonly centerId: string
  readonly machineId: string
  readonly sequence: number
  readonly createdAt: Date
}

const ridPartsSchema = z.object({
  centerId: z.string().regex(/^\d{5}$/, 'center id must be 5 digits'),
  machineId: z.string().regex(/^\d{5}$/, 'machine id must be 5 digits'),
  sequence: z.number().int().min(1).max(ridMaxSequence),
  createdAt: z.date().refine((date) => !Number.isNaN(date.getTime()), 'invalid date'),
})

/** Options of `checkRid`: the expected center and machine, and the clock skew tolerated. */
export interface RidCheckOptions {
  readonly centerId?: string
  readonly machineId?: string
  /** How far in the future (seconds) a RID's time may be, for client clocks running fast. */
  readonly clockSkewSeconds?: number
}

const pad = (value: number, width: number) => String(value).padStart(width, '0')

/** The 14-digit UTC timestamp of a RID. */
function timestampOf(date: Date): string {
  return (
    pad(date.getUTCFullYear(), 4) +
    pad(date.getUTCMonth() + 1, 2) +
    pad(date.getUTCDate(), 2) +
    pad(date.getUTCHours(), 2) +
    pad(date.getUTCMinutes(), 2) +
    pad(date.getUTCSeconds(), 2)
  )
}

/** Reads yyyyMMddHHmmss as UTC; undefined unless it names a real moment (no 30 February, no hour 24). */
function dateOf(timestamp: string): Date | undefined {
  const [year, month, day, hour, minute, second] = [0, 4, 6, 8, 10, 12].map((at, i) =>
    Number(timestamp.slice(at, i === 0 ? 4 : at + 2)),
  ) as [number, number, number, number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second))
  date.setUTCFullYear(year) // Date.UTC maps years 0-99 to 1900-1999
  return timestampOf(date) === timestamp ? date : undefined
}

/** Builds a RID; throws MOS-IDS-011 when a part is out of range. */
export function formatRid(parts: RidParts): string {
  const result = ridPartsSchema.safeParse(parts)
  if (!result.success) throw idsErrors.invalidRidParts(z.prettifyError(result.error))
  const { centerId, machineId, sequence, createdAt } = result.data
  if (createdAt.getUTCFullYear() > 9999 || createdAt.getUTCFullYear() < 1000) {
    throw idsErrors.invalidRidParts('createdAt must fall in years 1000-9999')
  }
  return centerId + machineId + pad(sequence, ridLayout.sequence) + timestampOf(createdAt)
}

/** Every rule a RID breaks, in check order. */
export function ridViolations(
  value: string,
  now: Date = new Date(),
  options: RidCheckOptions = {},
): Violation<RidRuleId>[] {
  const found: Violation<RidRuleId>[] = []
  const add = (rule: RidRuleId, message: string) => found.push({ rule, message })
  if (value.length !== ridLayout.length) {
    add('length', `RID has ${value.length} characters; it must have ${ridLayout.length} digits`)
  }
  if (!/^\d+$/.test(value)) {
    add('numeric', 'RID must contain digits 0-9 only')
    return found
  }
  if (found.length > 0) return found
  const centerId = value.slice(0, 5)
  const machineId = value.slice(5, 10)
  if (options.centerId !== undefined && centerId !== options.centerId) {
    add('center-id', `RID was made at center ${centerId}, not ${options.centerId}`)
  }
  if (options.machineId !== undefined && machineId !== options.machineId) {
    add('machine-id', `RID was made on machine ${machineId}, not ${options.machineId}`)
  }
  if (value.slice(10, 15) === '00000') add('sequence', 'RID sequence is 00000; it starts at 00001')
  const createdAt = dateOf(value.slice(15))
  const skew = (options.clockSkewSeconds ?? 300) * 1000
  if (!createdAt) {
    add('timestamp', `RID time ${value.slice(15)} is not a real UTC date-time (yyyyMMddHHmmss)`)
  } else if (createdAt.getTime() > now.getTime() + skew) {
    add('timestamp-future', `RID time ${createdAt.toISOString()} is in the future`)
  }
  return found
}

/** Checks a RID: 29 digits, optional expected center/machine, sequence, a real past UTC time. */
export function checkRid(
  value: string,
  now: Date = new Date(),
  options: RidCheckOptions = {},
): IdCheck<RidRuleId> {
  return firstViolation(ridViolations(value, now, options))
}

/** The parts of a RID; throws MOS-IDS-010 naming the broken rule when it is not valid. */
export function parseRid(
  value: string,
  now: Date = new Date(),
  options: RidCheckOptions = {},
): RidParts {
  const check = checkRid(value, now, options)
  if (!check.valid) throw idsErrors.invalidRid(check)
  const createdAt = dateOf(value.slice(15))
  if (!createdAt)
    throw idsErrors.invalidRid({ valid: false, rule: 'timestamp', message: 'RID time is not real' })
  return {
    centerId: value.slice(0, 5),
    machineId: value.slice(5, 10),
    sequence: Number(value.slice(10, 15)),
    createdAt,
  }
}
