import { AppError } from '../../platform/errors.js'

/**
 * The witness's 409: the caller's old size is not the size the witness last cosigned. Carries
 * that size, which the HTTP layer sends back as a text/x.tlog.size body.
 */
export class WitnessConflictError extends AppError {
  readonly size: number

  constructor(size: number, origin: string) {
    super({
      code: 'MOS-WIT-004',
      status: 409,
      message: `The witness last cosigned ${origin} at size ${size}`,
      action: `Send a consistency proof from size ${size}.`,
    })
    this.name = 'WitnessConflictError'
    this.size = size
  }
}

/** A witness answered add-checkpoint with a status other than 200 or 409. */
export class WitnessRequestError extends AppError {
  /** The HTTP status the witness answered with (0 when it did not answer). */
  readonly witnessStatus: number

  constructor(url: string, witnessStatus: number, detail: string, cause?: unknown) {
    super({
      code: 'MOS-WIT-008',
      status: 502,
      message:
        witnessStatus === 0
          ? `The witness at ${url} did not answer: ${detail}`
          : `The witness at ${url} refused the checkpoint (HTTP ${witnessStatus}): ${detail}`,
      action: 'Check the witness is up and configured with this log’s origin and key.',
      cause,
    })
    this.name = 'WitnessRequestError'
    this.witnessStatus = witnessStatus
  }
}

/** The witness's vocabulary. Messages name origins and sizes, never key material. */
export const witnessErrors = {
  malformed: (detail: string, cause?: unknown) =>
    new AppError({
      code: 'MOS-WIT-001',
      status: 400,
      message: `Malformed add-checkpoint request: ${detail}`,
      action: 'Send an old size line, proof lines, an empty line and a signed checkpoint.',
      cause,
    }),
  unknownOrigin: (origin: string) =>
    new AppError({
      code: 'MOS-WIT-002',
      status: 404,
      message: `This witness does not witness the log ${JSON.stringify(origin.slice(0, 200))}`,
      action: 'Ask the witness operator to add the log’s origin and verifier key.',
    }),
  notSignedByLog: (origin: string, detail: string) =>
    new AppError({
      code: 'MOS-WIT-003',
      status: 403,
      message: `The checkpoint of ${origin} carries no valid signature by the log’s key: ${detail}`,
      action: 'Sign the checkpoint with the key the witness is configured with.',
    }),
  conflict: (size: number, origin: string) => new WitnessConflictError(size, origin),
  inconsistent: (origin: string, detail: string) =>
    new AppError({
      code: 'MOS-WIT-005',
      status: 422,
      message: `The checkpoint of ${origin} is not consistent with what the witness saw: ${detail}`,
    }),
  stateHeld: (dir: string, pid: number) =>
    new AppError({
      code: 'MOS-WIT-006',
      status: 409,
      message: `The witness state ${dir} is in use by process ${pid}`,
      action: 'Stop that witness first: one process serves one state directory.',
    }),
  stateCorrupt: (file: string, detail: string) =>
    new AppError({
      code: 'MOS-WIT-007',
      status: 500,
      message: `The witness state file ${file} is unreadable: ${detail}`,
      action: 'Restore it from a backup; never reset a witness’s state, or it can cosign a fork.',
    }),
  invalidConfig: (detail: string) =>
    new AppError({
      code: 'MOS-WIT-009',
      status: 400,
      message: `Invalid witness configuration: ${detail}`,
      action: 'See `mosaic integrity witness --help` for the configuration file format.',
    }),
  tooLarge: (limit: number) =>
    new AppError({
      code: 'MOS-WIT-010',
      status: 413,
      message: `The request body exceeds ${limit} bytes`,
    }),
}
