import {
  cyclicNumbers,
  findContained,
  findPrefix,
  firstEqualsLast,
  firstEqualsReversedLast,
  hasEvenRun,
  hasRepeatingBlock,
  hasRepeatingDigit,
  hasSequence,
} from './digit-filters.js'
import type { Violation } from './id-check.js'
import { verhoeff } from './verhoeff.js'

/** Rule ids of UINs and VIDs, in the order they are checked. */
export const digitRuleIds = [
  'length',
  'numeric',
  'not-start-with',
  'sequence',
  'repeating-digit',
  'repeating-block',
  'even-digits',
  'first-last',
  'first-last-reverse',
  'restricted',
  'cyclic',
  'checksum',
] as const
export type DigitRuleId = (typeof digitRuleIds)[number]

/** What one kind of identifier checks; a missing or 0 limit turns its rule off. */
export interface DigitRuleSet {
  readonly kind: string
  readonly length: number
  readonly sequenceLimit: number
  /** Whether 9 runs on to 0 in a sequence (the UIN filter's doubled digit string). */
  readonly sequenceWraps: boolean
  readonly repeatingLimit: number
  readonly repeatingBlockLimit: number
  readonly conjugativeEvenDigitsLimit?: number
  readonly digitsLimit?: number
  readonly reverseDigitsLimit?: number
  readonly restrictedNumbers: readonly string[]
  readonly notStartWith: readonly string[]
  readonly cyclic: boolean
}

/** Every rule `value` breaks, in check order; a value that is not all digits stops at `numeric`. */
export function digitViolations(value: string, set: DigitRuleSet): Violation<DigitRuleId>[] {
  const found: Violation<DigitRuleId>[] = []
  const add = (rule: DigitRuleId, message: string) => found.push({ rule, message })
  const { kind } = set
  if (value.length !== set.length) {
    add('length', `${kind} has ${value.length} characters; it must have ${set.length} digits`)
  }
  if (!/^\d+$/.test(value)) {
    add('numeric', `${kind} must contain digits 0-9 only`)
    return found
  }
  const prefix = findPrefix(value, set.notStartWith)
  if (prefix !== undefined) add('not-start-with', `${kind} must not start with ${prefix}`)
  if (hasSequence(value, set.sequenceLimit, set.sequenceWraps)) {
    add(
      'sequence',
      `${kind} has ${set.sequenceLimit} digits in ascending or descending sequence (like 123 or 987${set.sequenceWraps ? ', or 901' : ''})`,
    )
  }
  if (hasRepeatingDigit(value, set.repeatingLimit)) {
    add(
      'repeating-digit',
      `${kind} repeats a digit within ${set.repeatingLimit} places (like 11 or 1x1)`,
    )
  }
  if (hasRepeatingBlock(value, set.repeatingBlockLimit)) {
    add('repeating-block', `${kind} repeats a block of ${set.repeatingBlockLimit} or more digits`)
  }
  const even = set.conjugativeEvenDigitsLimit ?? 0
  if (hasEvenRun(value, even)) {
    add('even-digits', `${kind} has ${even} even digits (2, 4, 6, 8) in a row`)
  }
  const digits = set.digitsLimit ?? 0
  if (firstEqualsLast(value, digits)) {
    add('first-last', `${kind}'s first ${digits} digits equal its last ${digits}`)
  }
  const reverse = set.reverseDigitsLimit ?? 0
  if (firstEqualsReversedLast(value, reverse)) {
    add(
      'first-last-reverse',
      `${kind}'s first ${reverse} digits equal its last ${reverse} digits reversed`,
    )
  }
  const restricted = findContained(value, set.restrictedNumbers)
  if (restricted !== undefined)
    add('restricted', `${kind} contains the restricted number ${restricted}`)
  const cyclic = set.cyclic
    ? findContained(
        value,
        cyclicNumbers.filter((number) => number.length <= value.length),
      )
    : undefined
  if (cyclic !== undefined) add('cyclic', `${kind} contains the cyclic number ${cyclic}`)
  if (!verhoeff.check(value))
    add('checksum', `${kind}'s last digit is not its Verhoeff check digit`)
  return found
}

/**
 * Whether `value` passes every rule; the same checks as `digitViolations`, stopping at the first
 * failure, for the generators' hot loop.
 */
export function passesDigitRules(value: string, set: DigitRuleSet): boolean {
  return (
    value.length === set.length &&
    findPrefix(value, set.notStartWith) === undefined &&
    !hasSequence(value, set.sequenceLimit, set.sequenceWraps) &&
    !hasRepeatingDigit(value, set.repeatingLimit) &&
    !hasRepeatingBlock(value, set.repeatingBlockLimit) &&
    !hasEvenRun(value, set.conjugativeEvenDigitsLimit ?? 0) &&
    !firstEqualsLast(value, set.digitsLimit ?? 0) &&
    !firstEqualsReversedLast(value, set.reverseDigitsLimit ?? 0) &&
    findContained(value, set.restrictedNumbers) === undefined &&
    !(set.cyclic && findContained(value, cyclicNumbers) !== undefined) &&
    verhoeff.check(value)
  )
}
