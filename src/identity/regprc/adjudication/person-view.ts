import { z } from 'zod'
import { adjudicationErrors } from './adjudication.errors.js'

/**
 * The part of a person's record an adjudicator needs to decide whether two registrations are
 * the same person, and no more: name, date of birth, gender and address in full (the evidence
 * itself); phone and email masked (contact data is weak evidence and useful to an impostor);
 * documents by category and type (never their files); biometrics by modality and quality
 * (never images or templates). Everything else in the ID object (introducers, UIN, consent,
 * free-form attributes) is left out.
 */

/** One value of an attribute; `language` is null for attributes that are not per language. */
export interface LanguageText {
  readonly language: string | null
  readonly value: string
}

/** MOSIP's default ID schema's address attributes, in the order an address is read. */
export const addressFields = [
  'addressLine1',
  'addressLine2',
  'addressLine3',
  'city',
  'zone',
  'province',
  'region',
  'postalCode',
] as const
export type AddressField = (typeof addressFields)[number]

export interface Demographics {
  readonly fullName: LanguageText[] | null
  readonly dateOfBirth: string | null
  readonly gender: LanguageText[] | null
  /** Only the address attributes the record has. */
  readonly address: Partial<Record<AddressField, LanguageText[]>>
  /** Masked: the last 2 digits only. */
  readonly phone: string | null
  /** Masked: the last 3 characters before the @ only, the domain hidden. */
  readonly email: string | null
}

export interface DocumentSummary {
  readonly category: string
  readonly type: string
  readonly format: string | null
}

export interface BiometricSummary {
  readonly type: string
  readonly subType: string | null
  readonly qualityScore: number | null
  readonly exception: boolean
}

/** A packet as the comparison reads it: what it needs, nothing else kept. */
export interface PacketSummary {
  readonly identity: Readonly<Record<string, unknown>>
  readonly documents: DocumentSummary[]
  readonly biometrics: BiometricSummary[]
}

/** Contact attributes in their raw form, only to compare them; never returned. */
export interface Contacts {
  readonly phone: string | null
  readonly email: string | null
}

const mask = '******'

/** `******01`: the last 2 digits, only when at least 6 digits hide the rest. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  return digits.length >= 6 ? `${mask}${digits.slice(-2)}` : mask
}

/** `******oge@***`: the last 3 characters of the local part, only when at least 6 hide the rest. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@')
  const local = (at >= 0 ? email.slice(0, at) : email).trim()
  return local.length >= 6 ? `${mask}${local.slice(-3)}@***` : `${mask}@***`
}

export function contactsOf(identity: Readonly<Record<string, unknown>>): Contacts {
  return { phone: plainText(identity.phone), email: plainText(identity.email) }
}

/**
 * Whether two contacts are the same after normalising (phone: digits only; email: trimmed,
 * lower case); null when either side has none. The adjudicator learns that they agree without
 * seeing them.
 */
export function sameContact(
  kind: keyof Contacts,
  a: string | null,
  b: string | null,
): boolean | null {
  if (a === null || b === null) return null
  const normal = (value: string) =>
    kind === 'phone' ? value.replace(/\D/g, '') : value.trim().toLowerCase()
  return normal(a) === normal(b)
}

/** The comparable demographics of an ID object (a packet's or the ID repository's). */
export function demographicsOf(identity: Readonly<Record<string, unknown>>): Demographics {
  const address: Partial<Record<AddressField, LanguageText[]>> = {}
  for (const field of addressFields) {
    const value = texts(identity[field])
    if (value) address[field] = value
  }
  const { phone, email } = contactsOf(identity)
  return {
    fullName: texts(identity.fullName),
    dateOfBirth: plainText(identity.dateOfBirth),
    gender: texts(identity.gender),
    address,
    phone: phone === null ? null : maskPhone(phone),
    email: email === null ? null : maskEmail(email),
  }
}

const languageValue = z.object({ language: z.string(), value: z.string() })

/** An attribute as language-tagged texts: MOSIP's simpleType, or a plain string/number. */
function texts(value: unknown): LanguageText[] | null {
  const plain = plainText(value)
  if (plain !== null) return [{ language: null, value: plain }]
  if (!Array.isArray(value)) return null
  const entries = value.flatMap((entry) => {
    const parsed = languageValue.safeParse(entry)
    return parsed.success && parsed.data.value.trim() !== ''
      ? [{ language: parsed.data.language, value: parsed.data.value }]
      : []
  })
  return entries.length > 0 ? entries : null
}

function plainText(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

const packetView = z.object({
  identity: z.record(z.string(), z.unknown()),
  documents: z
    .array(z.object({ category: z.string(), type: z.string(), format: z.string().optional() }))
    .default([]),
  biometrics: z
    .array(
      z.object({
        type: z.string(),
        subType: z.string().nullish(),
        qualityScore: z.number().nullish(),
        exception: z.boolean().optional(),
      }),
    )
    .default([]),
})

/**
 * Reads a stored packet (raw JSON) down to its summary. Templates, document references and
 * hashes are not kept. A packet that does not parse is an internal error that carries neither
 * the packet nor the parser's message (which quotes the text).
 */
export function readPacket(raw: string): PacketSummary {
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    throw adjudicationErrors.unreadablePacket()
  }
  const parsed = packetView.safeParse(json)
  if (!parsed.success) throw adjudicationErrors.unreadablePacket()
  return {
    identity: parsed.data.identity,
    documents: parsed.data.documents.map((document) => ({
      category: document.category,
      type: document.type,
      format: document.format ?? null,
    })),
    biometrics: parsed.data.biometrics.map((biometric) => ({
      type: biometric.type,
      subType: biometric.subType ?? null,
      qualityScore: biometric.qualityScore ?? null,
      exception: biometric.exception ?? false,
    })),
  }
}
