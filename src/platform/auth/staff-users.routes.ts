import { z } from 'zod'
import { access } from '../http/access.js'
import type { HttpApp } from '../http/create-http-app.js'
import { envelopeOf, ok } from '../http/envelope.js'
import { authErrors } from './errors.js'
import { presentStaffUser } from './present-staff-user.js'
import type { StaffPrincipal } from './principal.js'
import {
  createStaffUserSchema,
  staffUserSchema,
  updateStaffUserSchema,
} from './staff-user.schema.js'
import type { StaffUsersService } from './staff-users.service.js'
import type { FastifyRequest } from 'fastify'

const withPassword = z.object({ user: staffUserSchema, oneTimePassword: z.string().nullable() })
const idParams = z.object({ id: z.uuid() })

/** Staff account administration for administrators, within their zones. */
export function registerStaffUserRoutes(app: HttpApp, users: StaffUsersService): void {
  const admin = { access: access.staff('ADMIN') }

  app.get(
    '/api/v1/staff-users',
    {
      config: admin,
      schema: {
        tags: ['staff users'],
        summary: 'List staff users in your zones',
        response: { 200: envelopeOf(z.array(staffUserSchema)) },
      },
    },
    async (request) => ok((await users.list(staff(request))).map(presentStaffUser)),
  )

  app.post(
    '/api/v1/staff-users',
    {
      config: admin,
      schema: {
        tags: ['staff users'],
        summary: 'Create a staff user; returns a one-time password to hand over',
        body: createStaffUserSchema,
        response: { 200: envelopeOf(withPassword) },
      },
    },
    async (request) => {
      const { user, oneTimePassword } = await users.create(request.body, staff(request))
      return ok({ user: presentStaffUser(user), oneTimePassword })
    },
  )

  app.patch(
    '/api/v1/staff-users/:id',
    {
      config: admin,
      schema: {
        tags: ['staff users'],
        summary: 'Change roles, zones, name or status',
        params: idParams,
        body: updateStaffUserSchema,
        response: { 200: envelopeOf(staffUserSchema) },
      },
    },
    async (request) =>
      ok(presentStaffUser(await users.update(staff(request), request.params.id, request.body))),
  )

  app.post(
    '/api/v1/staff-users/:id/reset-password',
    {
      config: admin,
      schema: {
        tags: ['staff users'],
        summary: 'Replace the password with a one-time password',
        params: idParams,
        response: { 200: envelopeOf(withPassword) },
      },
    },
    async (request) => {
      const { user, oneTimePassword } = await users.resetPassword(staff(request), request.params.id)
      return ok({ user: presentStaffUser(user), oneTimePassword })
    },
  )
}

/** The staff principal the guard already established for a staff-only route. */
export function staff(request: FastifyRequest): StaffPrincipal {
  if (request.principal?.kind !== 'staff') throw authErrors.sessionExpired()
  return request.principal
}
