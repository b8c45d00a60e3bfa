import { z } from 'zod'

/** Staff roles. Names follow MOSIP's role codes where MOSIP has the same role. */
export const roles = [
  'ADMIN',
  'REGISTRATION_OFFICER',
  'REGISTRATION_SUPERVISOR',
  'OPERATIONS',
  'FRAUD_ANALYST',
  'AUDITOR',
] as const

export type Role = (typeof roles)[number]

export const roleSchema = z.enum(roles)
