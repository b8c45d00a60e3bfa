export { access, type Access, type AccessGuard, type RouteEntry } from './access.js'
export { createHttpApp, type HttpApp, type HttpAppOptions } from './create-http-app.js'
export {
  ok,
  failure,
  envelopeOf,
  mosipRequestOf,
  type Envelope,
  type ErrorItem,
} from './envelope.js'
export { httpErrors } from './errors.js'
export { registerPublicScope } from './public-scope.js'
