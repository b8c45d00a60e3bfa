/**
 * Why a note was refused, so an HTTP layer can map it without matching on messages: a witness
 * answers `malformed` with 400 and `badSignature`/`unverified` with 403 (c2sp.org/tlog-witness).
 */
export type NoteErrorKind = 'malformed' | 'badSignature' | 'unverified'

/** Every refusal of the note formats. Messages never echo more than a short prefix of input. */
export class NoteError extends Error {
  readonly kind: NoteErrorKind

  constructor(message: string, kind: NoteErrorKind = 'malformed') {
    super(message)
    this.name = 'NoteError'
    this.kind = kind
  }
}
