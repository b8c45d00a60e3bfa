/**
 * MOSIP's registration types (`RegistrationType.java`); `registration.process` holds one.
 * CORRECTION and BIOMETRIC_CORRECTION are named for completeness; no route runs them yet.
 */
export const registrationTypes = [
  'NEW',
  'UPDATE',
  'CORRECTION',
  'ACTIVATED',
  'DEACTIVATED',
  'RES_UPDATE',
  'LOST',
  'RES_REPRINT',
  'BIOMETRIC_CORRECTION',
] as const
export type RegistrationType = (typeof registrationTypes)[number]

/** The types a client may sync (`SyncTypeDto.java`), which are the ones with a route table. */
export const syncTypes = [
  'NEW',
  'UPDATE',
  'LOST',
  'ACTIVATED',
  'DEACTIVATED',
  'RES_UPDATE',
  'RES_REPRINT',
] as const
export type SyncType = (typeof syncTypes)[number]

/** Where a packet came from (`packetmanager.name.source.*`). */
export const packetSources = ['REGISTRATION_CLIENT', 'RESIDENT'] as const
export type PacketSource = (typeof packetSources)[number]
