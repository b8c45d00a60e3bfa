import { authErrors } from './errors.js'

const minimumLength = 12

// The most common choices that pass a length rule; NIST SP 800-63B asks to refuse known-bad passwords.
const commonPasswords = new Set([
  'password1234',
  'passwordpassword',
  '123456789012',
  'qwertyuiopas',
  'administrator',
  'letmein12345',
  'welcome12345',
  'mosaicmosaic',
])

/** Throws a weakPassword error naming the rule a new password breaks. */
export function checkPasswordPolicy(password: string, username: string): void {
  if (password.length < minimumLength) {
    throw authErrors.weakPassword(`it must be at least ${minimumLength} characters`)
  }
  if (password.length > 256) throw authErrors.weakPassword('it must be at most 256 characters')
  const lower = password.toLowerCase()
  if (lower.includes(username.toLowerCase())) {
    throw authErrors.weakPassword('it must not contain the username')
  }
  if (commonPasswords.has(lower) || /^(.)\1+$/.test(password)) {
    throw authErrors.weakPassword('it is too easy to guess')
  }
}
