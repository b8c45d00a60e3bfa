import { createHash } from 'node:crypto'

/** The request time test sync and status calls carry (a Monday, in the sample center's hours). */
export const testRequestTime = '2026-03-02T10:05:00.000Z'

/** MOSIP's sync request (`mosip.registration.sync`) around `items`. */
export const syncRequest = (items: readonly unknown[]) => ({
  id: 'mosip.registration.sync',
  version: '1.0',
  requesttime: testRequestTime,
  request: items,
})

/** The sync item of a packet: its RID, type, SHA-256 and size, as the registration client sends. */
export const syncItemFor = (raw: string, rid: string, extra: Record<string, unknown> = {}) => ({
  registrationId: rid,
  registrationType: 'NEW',
  packetHashValue: createHash('sha256').update(raw).digest('hex'),
  packetSize: Buffer.byteLength(raw),
  supervisorStatus: 'APPROVED',
  langCode: 'eng',
  ...extra,
})
