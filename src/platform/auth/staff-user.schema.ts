import { z } from 'zod'
import { roleSchema } from './roles.js'

export const staffUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  zones: z.array(z.string()),
  status: z.string(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
})

const zoneCode = z
  .string()
  .min(1)
  .max(36)
  .regex(/^(\*|[A-Za-z0-9_-]+)$/, 'a zone code or *')

export const createStaffUserSchema = z.object({
  username: z
    .string()
    .min(3)
    .max(64)
    .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, underscore or hyphen'),
  displayName: z.string().trim().min(1).max(128),
  roles: z.array(roleSchema).min(1),
  zones: z.array(zoneCode).min(1),
})

export const updateStaffUserSchema = z
  .object({
    displayName: z.string().trim().min(1).max(128),
    roles: z.array(roleSchema).min(1),
    zones: z.array(zoneCode).min(1),
    status: z.enum(['ACTIVE', 'DISABLED']),
  })
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, 'give at least one field to change')
