import { NoteError } from './note-error.js'

/**
 * Strict codecs shared by the C2SP text formats. They are deliberately stricter than
 * `Buffer.from(s, 'base64')` and `Number(s)`, which accept whitespace, URL-safe letters, missing
 * padding and leading zeros: two encodings of one value must never both parse.
 */

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/
const DECIMAL = /^(?:0|[1-9][0-9]{0,15})$/
/** Lone UTF-16 surrogates: a JavaScript string may hold them, UTF-8 cannot. */
const LONE_SURROGATE = /\p{Cs}/u
/** Unicode spaces (`\s` plus NEL, which JavaScript leaves out) and the vkey separator. */
const FORBIDDEN_IN_NAME = /[\s\u0085+]/u

/** The length of an RFC 6962 SHA-256 hash. */
export const hashBytes = 32

/** A short, printable excerpt of untrusted input for error messages. */
export function excerpt(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
}

/** Standard base64 (RFC 4648 §4) with padding, in its one canonical spelling. */
export function decodeBase64(value: string, what: string): Buffer {
  if (!BASE64.test(value)) throw new NoteError(`${what} is not base64: ${excerpt(value)}`)
  const bytes = Buffer.from(value, 'base64')
  // Non-zero bits in the last character's padding decode too; only the canonical form passes.
  if (bytes.toString('base64') !== value) {
    throw new NoteError(`${what} is not canonical base64: ${excerpt(value)}`)
  }
  return bytes
}

/** A SHA-256 hash written in base64. */
export function decodeHash(value: string, what: string): Buffer {
  const hash = decodeBase64(value, what)
  if (hash.length !== hashBytes) throw new NoteError(`${what} is not a ${hashBytes}-byte hash`)
  return hash
}

/**
 * An ASCII decimal with no leading zeros (`0` alone for zero). Values above 2^53 - 1 are refused:
 * the formats allow uint64, but a JavaScript number cannot hold those exactly.
 */
export function parseDecimal(value: string, what: string): number {
  if (!DECIMAL.test(value)) throw new NoteError(`${what} is not a decimal: ${excerpt(value)}`)
  const n = Number(value)
  if (!Number.isSafeInteger(n)) throw new NoteError(`${what} is too large: ${value}`)
  return n
}

/** Refuses numbers that `parseDecimal` could not read back. */
export function formatDecimal(n: number, what: string): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new NoteError(`${what} must be a safe integer ≥ 0`)
  return String(n)
}

/** Checks a hash before it is written, so that what we write we also accept. */
export function encodeHash(hash: Uint8Array, what: string): string {
  if (hash.length !== hashBytes) throw new NoteError(`${what} is not a ${hashBytes}-byte hash`)
  return Buffer.from(hash).toString('base64')
}

/** Signed-note text rules: UTF-8 (no lone surrogates) and no control character but newline. */
export function assertNoteChars(value: string, what: string): void {
  const code = forbiddenChar(value)
  if (code !== undefined) {
    throw new NoteError(`${what} contains U+${code.toString(16).padStart(4, '0')}`)
  }
}

/** The first ASCII control other than newline, or lone surrogate, in `value`. */
function forbiddenChar(value: string): number | undefined {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (code < 0x20 && code !== 0x0a) return code
  }
  const surrogate = LONE_SURROGATE.exec(value)
  return surrogate ? surrogate[0].charCodeAt(0) : undefined
}

/** Key names are non-empty, valid text and hold no Unicode space and no '+'. */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !FORBIDDEN_IN_NAME.test(name) && forbiddenChar(name) === undefined
}

export function assertKeyName(name: string): void {
  if (!isValidKeyName(name)) throw new NoteError(`invalid key name ${excerpt(name)}`)
}

/**
 * Splits newline-terminated text into its lines; refuses text that does not end in a newline,
 * which every one of these formats requires.
 */
export function splitLines(text: string, what: string): string[] {
  if (!text.endsWith('\n')) throw new NoteError(`${what} does not end with a newline`)
  return text.slice(0, -1).split('\n')
}
