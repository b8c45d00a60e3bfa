import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { AppError } from '../errors.js'
import { type ErrorItem, failure } from './envelope.js'
import { httpErrors } from './errors.js'

/**
 * Maps anything a route throws to a MOSIP-style error envelope. Only AppErrors and Fastify's
 * own 4xx errors say what went wrong; anything else is a 500 that names the request id and
 * nothing more, and is logged with its cause.
 */
export function handleError(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  bodyLimit: number,
) {
  const items = validationItems(error)
  if (items) return send(reply, 400, items)

  const appError = error instanceof AppError ? error : fromFastifyError(error, bodyLimit)
  if (appError && !appError.reportable) {
    return send(reply, appError.status, [{ errorCode: appError.code, message: appError.message }])
  }
  request.log.error({ error, 'http.request.id': request.id }, 'request failed')
  const internal = appError ?? httpErrors.internal(request.id)
  return send(reply, internal.status, [{ errorCode: internal.code, message: internal.message }])
}

export function handleNotFound(_request: FastifyRequest, reply: FastifyReply) {
  const error = httpErrors.notFound('Route')
  return send(reply, 404, [{ errorCode: error.code, message: error.message }])
}

function send(reply: FastifyReply, status: number, errors: ErrorItem[]) {
  return reply.code(status).type('application/json').send(failure(errors))
}

function validationItems(error: unknown): ErrorItem[] | null {
  if (!hasZodFastifySchemaValidationErrors(error)) return null
  const where = (error as { validationContext?: string }).validationContext ?? 'body'
  return error.validation.map((issue) => {
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.')
    const field = path ? `${where}.${path}` : where
    return {
      errorCode: 'MOS-REQ-001',
      message: httpErrors.invalidInput(field, issue.message).message,
    }
  })
}

function fromFastifyError(error: unknown, bodyLimit: number): AppError | null {
  const fastifyError = error as Partial<FastifyError>
  const status = fastifyError.statusCode
  if (!status || status >= 500) return null
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return httpErrors.tooLarge(bodyLimit)
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return httpErrors.unsupportedMediaType()
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return httpErrors.malformedBody('the body is empty')
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return httpErrors.malformedBody('it is not valid JSON')
  }
  if (status === 429) return httpErrors.rateLimited(retryAfter(error))
  if (status === 400 && /JSON/i.test(fastifyError.message ?? '')) {
    return httpErrors.malformedBody('it is not valid JSON')
  }
  // Other client errors from Fastify carry safe, generic messages.
  return new AppError({
    code: `MOS-REQ-${status}`,
    status,
    message: fastifyError.message ?? 'Bad request',
  })
}

function retryAfter(error: unknown): number {
  const ttl = (error as { ttl?: number }).ttl
  return ttl ? Math.max(1, Math.ceil(ttl / 1000)) : 60
}
