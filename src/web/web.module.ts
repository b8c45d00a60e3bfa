import fastifyStatic from '@fastify/static'
import { access, registerPublicScope } from '../platform/http/index.js'
import type { Module } from '../platform/module.js'
import { webApps, webDist, webDistBuilt } from './web-dist.js'

/**
 * Serves the built web apps: the admin console at /admin/, and the resident, registration and
 * verification apps beside it. Hashed assets are cached for a year; pages are revalidated.
 */
export const webModule: Module = {
  name: 'web',
  description: 'Serves the web apps (admin console, resident portal, registration, verification)',
  dependsOn: [],
  migrations: [],
  async start({ app, platform }) {
    if (!webDistBuilt()) {
      platform.logger.warn(
        { 'file.path': webDist },
        'web apps are not built; run `npm run build:web` (npm start does it for you)',
      )
    }
    await registerPublicScope(app, 'web app pages and assets', (scope) =>
      scope.register(fastifyStatic, {
        root: webDist,
        prefix: '/',
        index: ['index.html'],
        redirect: true,
        setHeaders(reply, path) {
          const immutable = /[/\\]assets[/\\]/.test(path)
          reply.header(
            'cache-control',
            immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
          )
        },
      }),
    )
    app.get(
      '/',
      { config: { access: access.public('sends visitors to the admin console') } },
      (_request, reply) => reply.redirect('/admin/'),
    )
    platform.logger.debug({ apps: webApps }, 'web apps mounted')
    return {}
  },
}
