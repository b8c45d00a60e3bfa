/** The outcome of checking an identifier: valid, or the first rule it breaks. */
export type IdCheck<Rule extends string = string> =
  | { readonly valid: true }
  | { readonly valid: false; readonly rule: Rule; readonly message: string }

/** One broken rule, with its explanation. */
export interface Violation<Rule extends string = string> {
  readonly rule: Rule
  readonly message: string
}

export const validId = { valid: true } as const

/** The first violation as an IdCheck, or valid when there is none. */
export function firstViolation<Rule extends string>(
  violations: readonly Violation<Rule>[],
): IdCheck<Rule> {
  const first = violations[0]
  return first ? { valid: false, rule: first.rule, message: first.message } : validId
}
