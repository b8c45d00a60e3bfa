import {
  type DigitRuleId,
  type DigitRuleSet,
  digitViolations,
  passesDigitRules,
} from './digit-rules.js'
import { firstViolation, type IdCheck, type Violation } from './id-check.js'
import { type UinRules, type UinRulesInput, uinRules } from './id-rules.js'
import { randomDigits } from './random-digits.js'
import { verhoeff } from './verhoeff.js'

const ruleSets = new WeakMap<UinRules, DigitRuleSet>()

/** MOSIP's UIN filter (UinFilterUtil): every rule on, sequences wrap from 9 to 0. */
function ruleSetOf(input?: UinRulesInput | UinRules): DigitRuleSet {
  const rules = uinRules(input)
  let set = ruleSets.get(rules)
  if (!set) {
    set = { ...rules, kind: 'UIN', sequenceWraps: true, cyclic: true }
    ruleSets.set(rules, set)
  }
  return set
}

/**
 * Every rule a UIN breaks, in check order (length, numeric, not-start-with, sequence,
 * repeating-digit, repeating-block, even-digits, first-last, first-last-reverse, restricted,
 * cyclic, checksum).
 */
export function uinViolations(
  value: string,
  rules?: UinRulesInput | UinRules,
): Violation<DigitRuleId>[] {
  return digitViolations(value, ruleSetOf(rules))
}

/**
 * Checks a UIN against MOSIP's generator filter plus the validator's numeric and Verhoeff checks:
 * a UIN passes only if MOSIP's kernel could have generated it under the same rules.
 */
export function checkUin(value: string, rules?: UinRulesInput | UinRules): IdCheck<DigitRuleId> {
  return firstViolation(uinViolations(value, rules))
}

/** Random digits plus a Verhoeff check digit: one candidate, before any filter. */
export function rawUinCandidate(length: number): string {
  const body = randomDigits(length - 1)
  return body + verhoeff.compute(body)
}

/** Whether a candidate passes every UIN rule (fast path of `checkUin`). */
export function passesUinRules(value: string, rules?: UinRulesInput | UinRules): boolean {
  return passesDigitRules(value, ruleSetOf(rules))
}

/**
 * A new random UIN that passes every rule. It is not yet unique: the pool (`refillUinPool`)
 * drops candidates it already holds.
 */
export function generateUinCandidate(rules?: UinRulesInput | UinRules): string {
  const set = ruleSetOf(rules)
  for (;;) {
    const candidate = rawUinCandidate(set.length)
    if (passesDigitRules(candidate, set)) return candidate
  }
}
