import type { FastifyRequest } from 'fastify'
import { type StaffPrincipal, staff, staffCoversZone } from '../../platform/auth/index.js'
import { access } from '../../platform/http/index.js'
import { type MasterKind, masterErrors } from './errors.js'
import type { MasterDataService } from './master-data.service.js'

/** Who may change master data: administrators, within their zones. */
export const writeAccess = { access: access.staff('ADMIN') }

/**
 * Who may read it: those who run or check registration (supervisors, operations, auditors),
 * within their zones. Registration officers read what they need through sync, not this API.
 */
export const readAccess = {
  access: access.staff('ADMIN', 'REGISTRATION_SUPERVISOR', 'OPERATIONS', 'AUDITOR'),
}

export function actorOf(request: FastifyRequest): StaffPrincipal {
  return staff(request)
}

/** A record outside the reader's zones is reported as absent, as staff users are. */
export async function assertReadable(
  master: MasterDataService,
  request: FastifyRequest,
  kind: MasterKind,
  id: string,
  zoneCode: string | null,
): Promise<void> {
  const reader = staff(request)
  if (reader.zones.includes('*')) return
  if (zoneCode && (await staffCoversZone(reader, zoneCode, master.zones))) return
  throw masterErrors.notFound(kind, id)
}
