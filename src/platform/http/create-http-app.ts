import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawServerDefault,
  type RouteOptions,
} from 'fastify'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import cookie from '@fastify/cookie'
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import type { Logger } from '../telemetry/logger.js'
import type { Metrics } from '../telemetry/metrics.js'
import type { AccessGuard } from './access.js'
import { handleError, handleNotFound } from './error-handler.js'
import { httpErrors } from './errors.js'
import { registerOpenApi } from './openapi.js'

/** The Fastify instance every module registers its routes on, typed for zod schemas. */
export type HttpApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>

export interface HttpAppOptions {
  logger: Logger
  metrics: Metrics
  guard: AccessGuard
  bodyLimitBytes: number
  rateLimitPerMinute: number
  trustProxy: boolean
  /** Where the API is reached, for the OpenAPI document. */
  publicUrl?: string
}

const requestIdPattern = /^[A-Za-z0-9._:-]{1,64}$/

/**
 * Builds the HTTP app: request ids, security headers, rate limiting, body limits, zod
 * validation, MOSIP-style errors, access control on every route, access logs, metrics and
 * the OpenAPI document at /docs. Modules then add their routes.
 */
export async function createHttpApp(options: HttpAppOptions): Promise<HttpApp> {
  const app = Fastify<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger>({
    loggerInstance: options.logger,
    // Requests are logged once, on completion, with ECS fields (see onResponse below).
    logController: new LogController({
      disableRequestLogging: true,
      requestIdLogLabel: 'http.request.id',
    }),
    bodyLimit: options.bodyLimitBytes,
    trustProxy: options.trustProxy,
    // genReqId reads x-request-id itself, so that a malformed one is replaced, not trusted.
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id']
      return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID()
    },
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>()

  // The API speaks JSON only; Fastify would otherwise also accept text/plain bodies.
  app.removeContentTypeParser('text/plain')
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.setErrorHandler((error, request, reply) =>
    handleError(error, request, reply, options.bodyLimitBytes),
  )
  app.setNotFoundHandler(handleNotFound)
  app.decorateRequest('principal', null)

  // Checked when the app is ready rather than as each route is added, because a public scope
  // (see registerPublicScope) fills in its routes' access in a hook that runs after this one.
  const routes: RouteOptions[] = []
  app.addHook('onRoute', (route) => void routes.push(route))
  app.decorate('routeCatalog', () =>
    routes.map((route) => ({
      method: route.method,
      url: route.url,
      access: route.config?.access ?? null,
    })),
  )
  app.addHook('onReady', async () => {
    const open = routes.filter((route) => !route.config?.access)
    if (open.length > 0) {
      const list = open.map((route) => `${String(route.method)} ${route.url}`).join(', ')
      throw new Error(`Routes without an access declaration (config.access): ${list}`)
    }
  })

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // Plain http on loopback is the default deployment for evaluation; HSTS belongs at the TLS proxy.
    strictTransportSecurity: false,
  })
  await app.register(cookie)
  await app.register(rateLimit, {
    max: options.rateLimitPerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) =>
      httpErrors.rateLimited(Math.max(1, Math.ceil(context.ttl / 1000))),
  })

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id)
    const access = request.routeOptions.config?.access
    if (access) request.principal = await options.guard.authorize(request, access)
  })

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched'
    const seconds = reply.elapsedTime / 1000
    options.metrics.httpDuration.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      seconds,
    )
    // Route patterns, never raw URLs: paths and query strings can carry identifiers.
    request.log.info(
      {
        'http.request.method': request.method,
        'url.path': route,
        'http.response.status_code': reply.statusCode,
        'event.duration': Math.round(seconds * 1e9),
        ...(request.principal?.kind === 'staff' && { 'user.id': request.principal.userId }),
      },
      'request completed',
    )
  })

  await registerOpenApi(app, options.publicUrl)
  return app
}
