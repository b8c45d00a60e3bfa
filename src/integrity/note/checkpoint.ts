import {
  assertNoteChars,
  decodeHash,
  encodeHash,
  formatDecimal,
  parseDecimal,
  splitLines,
} from './note-codec.js'
import { NoteError } from './note-error.js'
import { parseNote } from './signed-note.js'

/** The text of a c2sp.org/tlog-checkpoint note: a log's tree head. */
export interface Checkpoint {
  /** Unique identifier of the log; any non-empty line (a schema-less URL is recommended). */
  readonly origin: string
  readonly size: number
  /** RFC 6962 root hash of the tree at `size`. */
  readonly rootHash: Buffer
  /** Opaque, non-empty lines after the root hash; the spec does not recommend them. */
  readonly extensions: readonly string[]
}

function assertLine(line: string, what: string): void {
  if (line === '') throw new NoteError(`${what} is empty`)
  if (line.includes('\n')) throw new NoteError(`${what} contains a newline`)
  assertNoteChars(line, what)
}

/** The note text of a checkpoint, each line ending in a newline. */
export function formatCheckpoint(c: Checkpoint): string {
  assertLine(c.origin, 'checkpoint origin')
  const lines = [c.origin, formatDecimal(c.size, 'tree size'), encodeHash(c.rootHash, 'root hash')]
  for (const extension of c.extensions) {
    assertLine(extension, 'checkpoint extension line')
    lines.push(extension)
  }
  return `${lines.join('\n')}\n`
}

/** Reads checkpoint note text (not a signed note: open or parse the note first). */
export function parseCheckpoint(text: string): Checkpoint {
  assertNoteChars(text, 'checkpoint')
  const lines = splitLines(text, 'checkpoint')
  const [origin, size, rootHash, ...extensions] = lines
  if (origin === undefined || size === undefined || rootHash === undefined) {
    throw new NoteError('a checkpoint has at least three lines')
  }
  const empty = lines.indexOf('')
  if (empty >= 0) throw new NoteError(`checkpoint line ${empty + 1} is empty`)
  return {
    origin,
    size: parseDecimal(size, 'tree size'),
    rootHash: decodeHash(rootHash, 'root hash'),
    extensions,
  }
}

/** Checks a signed checkpoint's syntax, not its signatures (the reader may not have the keys). */
export function assertSignedCheckpoint(note: string): void {
  parseCheckpoint(parseNote(note).text)
}
