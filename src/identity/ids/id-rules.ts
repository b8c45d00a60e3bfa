import { z } from 'zod'
import { idsErrors } from './errors.js'

const limit = (fallback: number) => z.number().int().min(0).max(28).default(fallback)
const digitStrings = (fallback: string[]) =>
  z.array(z.string().regex(/^\d+$/, 'digits only')).default(fallback)

/**
 * UIN rules, named after MOSIP's `mosip.kernel.uin.*` properties, with mosip-config's defaults.
 * A limit of 0 turns its rule off.
 */
export const uinRulesSchema = z
  .object({
    /** mosip.kernel.uin.length (the column allows 28). */
    length: z.number().int().min(2).max(28).default(10),
    /** mosip.kernel.uin.length.sequence-limit: 123 and 987 (and 901) are refused at 3. */
    sequenceLimit: limit(3),
    /** mosip.kernel.uin.length.repeating-limit: 11 and 1x1 are refused at 2. */
    repeatingLimit: limit(2),
    /** mosip.kernel.uin.length.repeating-block-limit: any block of 2+ digits seen twice. */
    repeatingBlockLimit: limit(2),
    /** mosip.kernel.uin.length.conjugative-even-digits-limit: 3 of 2/4/6/8 in a row. */
    conjugativeEvenDigitsLimit: limit(3),
    /** mosip.kernel.uin.length.digits-limit: first n digits equal to the last n. */
    digitsLimit: limit(5),
    /** mosip.kernel.uin.length.reverse-digits-limit: first n digits equal to the last n reversed. */
    reverseDigitsLimit: limit(5),
    /** mosip.kernel.uin.restricted-numbers. */
    restrictedNumbers: digitStrings(['786', '666']),
    /** mosip.kernel.uin.not-start-with. */
    notStartWith: digitStrings(['0', '1']),
  })
  .strict()
  .refine((rules) => Math.max(rules.digitsLimit, rules.reverseDigitsLimit) <= rules.length, {
    message: 'digitsLimit and reverseDigitsLimit cannot exceed length',
  })

/** VID rules (`mosip.kernel.vid.*`): MOSIP's VID filter has no even-digit, first/last or cyclic rule. */
export const vidRulesSchema = z
  .object({
    /** mosip.kernel.vid.length (the column allows 36). */
    length: z.number().int().min(2).max(36).default(16),
    sequenceLimit: limit(3),
    repeatingLimit: limit(2),
    repeatingBlockLimit: limit(2),
    restrictedNumbers: digitStrings(['786', '666']),
    notStartWith: digitStrings(['0', '1']),
  })
  .strict()

export type UinRules = Readonly<z.output<typeof uinRulesSchema>>
export type UinRulesInput = z.input<typeof uinRulesSchema>
export type VidRules = Readonly<z.output<typeof vidRulesSchema>>
export type VidRulesInput = z.input<typeof vidRulesSchema>

/** Rule sets that already went through their schema, so hot loops skip re-parsing. */
const parsed = new WeakSet<object>()

function parseRules<Schema extends z.ZodType<object>>(
  schema: Schema,
  kind: string,
  input: unknown,
): Readonly<z.output<Schema>> {
  if (typeof input === 'object' && input !== null && parsed.has(input)) {
    return input as Readonly<z.output<Schema>>
  }
  const result = schema.safeParse(input ?? {})
  if (!result.success) throw idsErrors.invalidRules(kind, z.prettifyError(result.error))
  const rules = Object.freeze(result.data)
  parsed.add(rules)
  return rules
}

/** UIN rules with MOSIP's defaults for whatever `input` leaves out; throws KER-IDS-001 when invalid. */
export function uinRules(input?: UinRulesInput | UinRules): UinRules {
  return parseRules(uinRulesSchema, 'UIN', input)
}

/** VID rules with MOSIP's defaults for whatever `input` leaves out; throws KER-IDS-001 when invalid. */
export function vidRules(input?: VidRulesInput | VidRules): VidRules {
  return parseRules(vidRulesSchema, 'VID', input)
}

export const defaultUinRules: UinRules = uinRules()
export const defaultVidRules: VidRules = vidRules()
