import {
  appendSignatures,
  formatAddCheckpoint,
  NoteError,
  type NoteSignature,
  noteContentType,
  openNote,
  parseAddCheckpointResponse,
  parseSizeBody,
  parseVerifierKey,
  tlogSizeContentType,
} from '../note/index.js'
import { WitnessRequestError } from './witness-errors.js'

/** What a log needs to ask a witness for a cosignature (c2sp.org/tlog-witness add-checkpoint). */
export interface CosignatureRequest {
  /** The witness's submission prefix: the request goes to `${url}/add-checkpoint`. */
  readonly url: string
  /** The size the witness last cosigned for this log (0 if unknown). */
  readonly oldSize: number
  /** Consistency proof from `oldSize` to the checkpoint's size; empty for `oldSize` 0. */
  readonly proof: readonly Buffer[]
  /** The log-signed checkpoint note. */
  readonly checkpoint: string
  /**
   * The witness's vkey (type 0x04). When given, only cosignatures that verify under it are
   * returned, and an answer without one is an error.
   */
  readonly verifierKey?: string
  readonly timeoutMs?: number
  readonly fetchImpl?: typeof fetch
}

export type CosignatureResult =
  /** 200: the witness's signature lines, to append to the checkpoint. */
  | { readonly cosignatures: NoteSignature[] }
  /** 409: the witness last cosigned this size; ask again with a proof from it. */
  | { readonly conflict: number }

const maxAnswerBytes = 1 << 20

export async function requestCosignature(request: CosignatureRequest): Promise<CosignatureResult> {
  const endpoint = `${request.url.replace(/\/+$/, '')}/add-checkpoint`
  const body = formatAddCheckpoint({
    oldSize: request.oldSize,
    proof: request.proof,
    checkpoint: request.checkpoint,
  })
  const fetchImpl = request.fetchImpl ?? fetch
  let response: Response
  let text: string
  try {
    response = await fetchImpl(endpoint, {
      method: 'POST',
      headers: { 'content-type': noteContentType },
      body,
      signal: AbortSignal.timeout(request.timeoutMs ?? 10_000),
    })
    text = await response.text()
  } catch (error) {
    throw new WitnessRequestError(endpoint, 0, (error as Error).message, error)
  }
  if (text.length > maxAnswerBytes) {
    throw new WitnessRequestError(endpoint, response.status, 'the answer is too large')
  }

  if (response.status === 409) {
    const type = response.headers.get('content-type') ?? ''
    if (!type.startsWith(tlogSizeContentType)) {
      throw new WitnessRequestError(endpoint, 409, `a 409 of type ${type.slice(0, 60)}`)
    }
    try {
      return { conflict: parseSizeBody(text) }
    } catch (error) {
      throw new WitnessRequestError(endpoint, 409, (error as Error).message, error)
    }
  }
  if (response.status !== 200) {
    throw new WitnessRequestError(endpoint, response.status, summary(text))
  }

  let cosignatures: NoteSignature[]
  try {
    cosignatures = parseAddCheckpointResponse(text)
    if (request.verifierKey !== undefined) {
      // The spec's way: append the lines to the checkpoint and open it with the witness key.
      const opened = openNote(appendSignatures(request.checkpoint, cosignatures), [
        parseVerifierKey(request.verifierKey),
      ])
      cosignatures = cosignatures.filter((sig) =>
        opened.verified.some(
          (v) =>
            v.name === sig.name && v.keyId.equals(sig.keyId) && v.signature.equals(sig.signature),
        ),
      )
    }
  } catch (error) {
    if (error instanceof NoteError) {
      throw new WitnessRequestError(endpoint, 200, `unusable cosignature: ${error.message}`, error)
    }
    throw error
  }
  return { cosignatures }
}

/** The first line of a witness's error text, short and printable. */
function summary(text: string): string {
  const line = (text.split('\n')[0] ?? '').replace(/[^\x20-\x7e\u00a0-\uffff]/g, '?')
  return line.length > 200 ? `${line.slice(0, 200)}…` : line || '(no message)'
}
