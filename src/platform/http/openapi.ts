import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { jsonSchemaTransform } from 'fastify-type-provider-zod'
import type { Access } from './access.js'
import type { HttpApp } from './create-http-app.js'
import { registerPublicScope } from './public-scope.js'

type Security = Record<string, string[]>[]

/** OpenAPI security requirements matching a route's access declaration. */
export function securityFor(access: Access): Security {
  switch (access.kind) {
    case 'public':
      return []
    case 'staff':
    case 'account':
      return [{ staffToken: [] }]
    case 'partner':
      return [{ partnerApiKey: [] }]
    case 'resident':
      return [{ residentSession: [] }]
    case 'scrape':
      return [{ staffToken: [] }]
  }
}

/** Serves the OpenAPI 3.1 document at /docs/json and the API docs page at /docs. */
export async function registerOpenApi(app: HttpApp, publicUrl?: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Mosaic API',
        description:
          'Modules for MOSIP-based national ID programmes. Responses use MOSIP’s envelope ' +
          '`{id, version, responsetime, metadata, response, errors[{errorCode, message}]}`.',
        version: '1.0',
      },
      ...(publicUrl && { servers: [{ url: publicUrl }] }),
      components: {
        securitySchemes: {
          staffToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          partnerApiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
          residentSession: { type: 'apiKey', in: 'cookie', name: 'mosaic_resident' },
        },
      },
    },
    transform: (input) => {
      const transformed = jsonSchemaTransform(input)
      const access = input.route.config?.access
      return access
        ? { ...transformed, schema: { ...transformed.schema, security: securityFor(access) } }
        : transformed
    },
  })
  await registerPublicScope(app, 'API documentation', (scope) =>
    scope.register(swaggerUi, { routePrefix: '/docs', staticCSP: true }),
  )
}
