import { AppError } from '../errors.js'

/** Request-level errors every route can raise. Codes follow MOSIP's kernel (KER-ATH) where it has them. */
export const httpErrors = {
  invalidInput: (field: string, problem: string) =>
    new AppError({
      code: 'MOS-REQ-001',
      status: 400,
      message: `Invalid input parameter - ${field}: ${problem}`,
      action: 'Correct the named field and send the request again.',
    }),
  malformedBody: (problem: string) =>
    new AppError({
      code: 'MOS-REQ-002',
      status: 400,
      message: `Malformed request body: ${problem}`,
      action: 'Send a valid JSON body with Content-Type: application/json.',
    }),
  unauthenticated: () =>
    new AppError({
      code: 'KER-ATH-401',
      status: 401,
      message: 'Authentication required',
      action: 'Sign in, or send valid credentials (Bearer token, API key or session cookie).',
    }),
  forbidden: (needed: string) =>
    new AppError({
      code: 'KER-ATH-403',
      status: 403,
      message: `Forbidden: this requires ${needed}`,
      action: 'Ask an administrator for the role, or use an account that has it.',
    }),
  notFound: (what = 'Resource') =>
    new AppError({
      code: 'MOS-REQ-404',
      status: 404,
      message: `${what} not found`,
      action: 'Check the address; the API is described at /docs.',
    }),
  tooLarge: (limitBytes: number) =>
    new AppError({
      code: 'MOS-REQ-413',
      status: 413,
      message: `Request body larger than ${limitBytes} bytes`,
      action: 'Send a smaller body.',
    }),
  unsupportedMediaType: () =>
    new AppError({
      code: 'MOS-REQ-415',
      status: 415,
      message: 'Unsupported Content-Type',
      action: 'Send JSON with Content-Type: application/json.',
    }),
  rateLimited: (retryAfterSeconds: number) =>
    new AppError({
      code: 'MOS-REQ-429',
      status: 429,
      message: `Too many requests; retry in ${retryAfterSeconds} s`,
      action: 'Wait before retrying.',
    }),
  internal: (requestId: string) =>
    new AppError({
      code: 'MOS-SYS-500',
      status: 500,
      message: `Internal error (request ${requestId})`,
      action: 'Try again later; if it persists, give the request id to your operations team.',
    }),
}
