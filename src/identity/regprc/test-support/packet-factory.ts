import { randomBytes } from 'node:crypto'

let sequence = 1

/** A RID for the center and machine (default 10001, 10002) at `at`. */
export function makeRid(at: Date, centerId = '10001', machineId = '10002'): string {
  const stamp = at.toISOString().replace(/\D/g, '').slice(0, 14)
  return `${centerId}${machineId}${String(sequence++ % 100000).padStart(5, '0')}${stamp}`
}

/** Synthetic templates for one person: two irises and two fingers of 64 random bytes. */
export function person(): Record<string, string> {
  return Object.fromEntries(
    ['Left', 'Right', 'Left IndexFinger', 'Right IndexFinger'].map((s) => [
      s,
      randomBytes(64).toString('base64'),
    ]),
  )
}

/** The same person captured again: a few bits differ. */
export function recapture(templates: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(templates).map(([k, v]) => {
      const bytes = Buffer.from(v, 'base64')
      bytes[0] = (bytes[0] ?? 0) ^ 0b101
      return [k, bytes.toString('base64')]
    }),
  )
}

export interface PacketOptions {
  readonly process?: string
  readonly creationDate?: string
  readonly name?: string
  readonly dob?: string
  readonly gender?: string
  readonly uin?: string
  readonly introducerUIN?: string
  readonly templates?: Record<string, string> | null
  readonly quality?: number
  readonly officerId?: string
  readonly supervisorId?: string | null
  readonly identity?: Record<string, unknown>
  readonly centerId?: string
  readonly machineId?: string
  readonly deviceIds?: string[]
}

/** A packet as the registration client would upload it (JSON object). */
export function makePacket(options: PacketOptions = {}): {
  rid: string
  packet: Record<string, unknown>
} {
  const creationDate = options.creationDate ?? '2026-03-02T10:00:00.000Z'
  const centerId = options.centerId ?? '10001'
  const machineId = options.machineId ?? '10002'
  const rid = makeRid(new Date(creationDate), centerId, machineId)
  const templates = options.templates === null ? {} : (options.templates ?? person())
  const identity: Record<string, unknown> = options.identity ?? {
    IDSchemaVersion: 0.1,
    ...(options.name !== undefined || !options.uin
      ? { fullName: [{ language: 'eng', value: options.name ?? 'Amina Njoroge' }] }
      : {}),
    ...(options.uin
      ? {}
      : {
          dateOfBirth: options.dob ?? '1990/05/17',
          gender: [{ language: 'eng', value: options.gender ?? 'Female' }],
        }),
    ...(options.uin && { UIN: options.uin }),
    ...(options.introducerUIN && { introducerUIN: options.introducerUIN }),
  }
  return {
    rid,
    packet: {
      registrationId: rid,
      process: options.process ?? 'NEW',
      identity,
      metaInfo: {
        creationDate,
        centerId,
        machineId,
        officerId: options.officerId ?? 'officer1',
        ...(options.supervisorId !== null && {
          supervisorId: options.supervisorId ?? 'supervisor1',
        }),
        deviceIds: options.deviceIds ?? ['D1'],
      },
      biometrics: Object.entries(templates).map(([subType, template]) => ({
        type: subType.includes('Finger') ? 'Finger' : 'Iris',
        subType,
        qualityScore: options.quality ?? 80,
        template,
      })),
    },
  }
}
