import { AppError } from '../platform/errors.js'

/** Errors of the integrity module's API and tools. None carries personal data. */
export const integrityErrors = {
  notFound: (what: string) =>
    new AppError({
      code: 'MOS-INT-001',
      status: 404,
      message: `${what} does not exist (yet)`,
      action: 'Read /integrity/checkpoint for the published tree size; tiles exist only up to it.',
    }),
  badRange: (detail: string) =>
    new AppError({
      code: 'MOS-INT-002',
      status: 400,
      message: `Invalid proof request: ${detail}`,
      action:
        'Ask for sizes up to the published checkpoint size, with index < size and from <= to.',
    }),
  notLogged: () =>
    new AppError({
      code: 'MOS-INT-003',
      status: 409,
      message: 'The record has no logged change yet',
      action: 'Retry in a few seconds: the log records changes in batches.',
    }),
}
