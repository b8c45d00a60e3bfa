import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { HttpApp } from './create-http-app.js'
import { access } from './access.js'

/**
 * Registers routes that a third-party plugin creates (static files, the docs UI) as public,
 * with the reason on record. Routes that declare their own access keep it.
 *
 * @example
 * await registerPublicScope(app, 'web app assets', (scope) => scope.register(fastifyStatic, opts))
 */
export async function registerPublicScope(
  app: HttpApp,
  reason: string,
  register: (scope: HttpApp) => PromiseLike<unknown>,
): Promise<void> {
  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>()
    scope.addHook('onRoute', (route) => {
      route.config = { ...route.config, access: route.config?.access ?? access.public(reason) }
    })
    await register(scope)
  })
}
