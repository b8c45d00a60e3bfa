import {
  type DigitRuleId,
  type DigitRuleSet,
  digitViolations,
  passesDigitRules,
} from './digit-rules.js'
import { firstViolation, type IdCheck, type Violation } from './id-check.js'
import { type VidRules, type VidRulesInput, vidRules } from './id-rules.js'
import { randomDigits } from './random-digits.js'
import { verhoeff } from './verhoeff.js'

const ruleSets = new WeakMap<VidRules, DigitRuleSet>()

/**
 * MOSIP's VID filter (VidFilterUtils): sequence, repeating digit and block, not-start-with,
 * length and restricted numbers; sequences do not wrap from 9 to 0, and there is no even-digit,
 * first/last or cyclic rule.
 */
function ruleSetOf(input?: VidRulesInput | VidRules): DigitRuleSet {
  const rules = vidRules(input)
  let set = ruleSets.get(rules)
  if (!set) {
    set = { ...rules, kind: 'VID', sequenceWraps: false, cyclic: false }
    ruleSets.set(rules, set)
  }
  return set
}

/** Every rule a VID breaks, in check order. */
export function vidViolations(
  value: string,
  rules?: VidRulesInput | VidRules,
): Violation<DigitRuleId>[] {
  return digitViolations(value, ruleSetOf(rules))
}

/** Checks a VID against MOSIP's VID filter plus the numeric and Verhoeff checks. */
export function checkVid(value: string, rules?: VidRulesInput | VidRules): IdCheck<DigitRuleId> {
  return firstViolation(vidViolations(value, rules))
}

/** Whether a candidate passes every VID rule (fast path of `checkVid`). */
export function passesVidRules(value: string, rules?: VidRulesInput | VidRules): boolean {
  return passesDigitRules(value, ruleSetOf(rules))
}

/** A new random VID that passes every rule; uniqueness is the pool's job (`refillVidPool`). */
export function generateVid(rules?: VidRulesInput | VidRules): string {
  const set = ruleSetOf(rules)
  for (;;) {
    const body = randomDigits(set.length - 1)
    const candidate = body + verhoeff.compute(body)
    if (passesDigitRules(candidate, set)) return candidate
  }
}
