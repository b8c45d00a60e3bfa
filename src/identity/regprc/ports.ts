import type { Biometric, IdentityJson } from './packet.schema.js'

/**
 * What the registration processor needs from other parts of the identity core. Stages see
 * only these ports; adapters wire the real services, tests use in-memory fakes.
 */

export type MasterEntityKind = 'center' | 'machine' | 'device' | 'user'

export interface MasterDataPort {
  /** Whether the entity was active at `at`; null when it does not exist. */
  wasActiveAt(kind: MasterEntityKind, id: string, at: Date): Promise<boolean | null>
  /** Whether the center was open (working day, working hours, not a holiday) at `at`. */
  isCenterOpenAt(centerId: string, at: Date): Promise<boolean>
}

export type UinStatus = 'ACTIVATED' | 'DEACTIVATED' | 'BLOCKED'

export interface IdentityRecord {
  readonly uin: string
  readonly status: UinStatus
}

export interface IdentityPort {
  /** Creates the identity of a NEW registration; idempotent by RID (a retry returns the same UIN). */
  createIdentity(input: { rid: string; identity: IdentityJson }): Promise<{ uin: string }>
  /** Applies an UPDATE/RES_UPDATE packet's fields; idempotent by RID. */
  updateIdentity(input: { uin: string; rid: string; identity: IdentityJson }): Promise<void>
  /** The identity a UIN names, or the one a RID created or updated. */
  findIdentity(query: { uin: string } | { rid: string }): Promise<IdentityRecord | null>
  setStatus(input: { uin: string; rid: string; status: 'ACTIVATED' | 'DEACTIVATED' }): Promise<void>
  /** Records a LOST packet's RID against the UIN found for it. */
  linkRid(input: { uin: string; rid: string }): Promise<void>
}

export interface AbisCandidate {
  /** The gallery reference (reg_bio_ref.bio_ref_id) that matched. */
  readonly referenceId: string
  /** 0–100. */
  readonly score: number
}

/**
 * MOSIP's ABIS interface in small: INSERT a reference's biometrics into the gallery, IDENTIFY a
 * reference against the gallery (or a subset of it). The built-in matcher implements it; a
 * real ABIS (through a queue, as MOSIP's abis-middleware does) implements the same.
 */
export interface AbisPort {
  insert(referenceId: string, biometrics: readonly Biometric[]): Promise<void>
  identify(
    referenceId: string,
    options?: { gallery?: readonly string[] },
  ): Promise<readonly AbisCandidate[]>
}

/** Where packets live while processed. The built-in store encrypts each with the FieldCipher. */
export interface PacketStore {
  /** Stores the packet as received (raw JSON text); a second put for the same instance is ignored. */
  put(input: { workflowInstanceId: string; rid: string; raw: string; hash: string }): Promise<void>
  /** The raw packet, or null if none was received. */
  get(workflowInstanceId: string): Promise<string | null>
}
