import { passesUinRules, passesVidRules, uinRules, verhoeff, vidRules } from '../ids/index.js'
import { anonymousProfileOf } from '../idrepo/index.js'
import { idRepoAuditEvents, type Identity, type IdRepoCrypto } from '../idrepo/index.js'
import { journalIdentity } from './journal-rows.js'
import type { Prng } from './prng.js'
import { created, type SeedSink } from './seed-sink.js'

/** Unique, rule-abiding UINs and VIDs drawn from the seed's stream (the kernel pools' rules). */
export class SeedIdentifiers {
  private readonly used: Set<string>
  /** `taken`: identifiers already in the database (a started server pre-fills its UIN pool). */
  constructor(
    private readonly prng: Prng,
    taken: Iterable<string> = [],
  ) {
    this.used = new Set(taken)
  }

  private draw(length: number, passes: (value: string) => boolean): string {
    for (;;) {
      const body = this.prng.digits(length - 1)
      const candidate = body + verhoeff.compute(body)
      if (passes(candidate) && !this.used.has(candidate)) {
        this.used.add(candidate)
        return candidate
      }
    }
  }
  // Parsed once: the rule checks cache their compiled form per rules object.
  private readonly uinRules = uinRules()
  private readonly vidRules = vidRules()
  uin = (): string => this.draw(10, (value) => passesUinRules(value, this.uinRules))
  vid = (): string => this.draw(16, (value) => passesVidRules(value, this.vidRules))
}

/** An identity as the ID repository holds it, and the changes made to it since. */
export interface IdentityLife {
  readonly uinRefId: string
  readonly uin: string
  readonly rid: string
  readonly identity: Identity
  readonly createdAt: Date
  readonly langCode: string
  /** Later changes in time order: a new identity (update), a new RID (lost), a status. */
  readonly changes: readonly {
    readonly at: Date
    readonly rid: string
    readonly identity?: Identity
    readonly status?: 'ACTIVATED' | 'DEACTIVATED'
  }[]
  readonly documents: readonly {
    readonly category: string
    readonly type: string
    readonly hash: string
  }[]
  readonly vid: { readonly id: string; readonly vid: string } | null
  /** Id of the identity's anonymous profile row: random, never derived from the person. */
  readonly profileId: string
}

/**
 * Writes an identity exactly as IdRepoService stores one (so the repository reads it back):
 * `uin` encrypted and `uin_data` encrypted per attribute under keys bound to `uin_ref_id`,
 * keyed hashes of the UIN and of the data; a `uin_h` row per state; documents; the Perpetual
 * VID in idmap with its own encrypted UIN; the UIN and VID marked ASSIGNED in the kernel pools.
 */
export async function writeIdentity(
  sink: SeedSink,
  crypto: IdRepoCrypto,
  life: IdentityLife,
): Promise<void> {
  const by = 'regproc-uin-generator'
  const uinCipher = await crypto.encryptUin(life.uin, life.uinRefId)
  const uinHash = await crypto.uinHash(life.uin)
  let state = {
    data: await crypto.encryptIdentity(life.identity, life.uinRefId),
    dataHash: await crypto.identityHash(life.identity),
    rid: life.rid,
    status: 'ACTIVATED',
  }
  const row = (eff: Date | null, updatedAt: Date | null) => [
    life.uinRefId,
    uinCipher,
    uinHash,
    state.data,
    state.dataHash,
    state.rid,
    `bio-${life.uinRefId}`,
    state.status,
    life.langCode,
    ...(eff ? [eff] : []),
    by,
    life.createdAt,
    updatedAt ? by : null,
    updatedAt,
    false,
    null,
  ]
  sink.add('uinHistory', row(life.createdAt, null))
  for (const change of life.changes) {
    state = {
      ...state,
      rid: change.rid,
      ...(change.status && { status: change.status }),
      ...(change.identity && {
        data: await crypto.encryptIdentity(change.identity, life.uinRefId),
        dataHash: await crypto.identityHash(change.identity),
      }),
    }
    sink.add('uinHistory', row(change.at, change.at))
  }
  sink.add('uin', row(null, life.changes.at(-1)?.at ?? null))
  sink.add('kernelUin', [life.uin, 'ASSIGNED', ...created('SYSTEM', life.createdAt)])
  for (const doc of life.documents)
    sink.add('uinDocument', [
      life.uinRefId,
      doc.category,
      doc.type,
      `doc-${life.uinRefId}-${doc.category}`,
      `${doc.category}.pdf`,
      'pdf',
      doc.hash,
      'eng',
      ...created(by, life.createdAt),
    ])
  if (life.vid) {
    sink.add('vid', [
      life.vid.id,
      life.vid.vid,
      uinHash,
      await crypto.encryptUin(life.uin, life.vid.id),
      'Perpetual',
      life.createdAt,
      null,
      'ACTIVE',
      ...created('resident-service', life.createdAt),
    ])
    sink.add('kernelVid', [life.vid.vid, null, 'ASSIGNED', ...created('SYSTEM', life.createdAt)])
  }
  journalIdentity(sink, life, by)
  // The anonymous profile MOSIP's reporting reads (year of birth, gender, channels, documents).
  const documents = life.documents.map((doc) => ({
    category: doc.category,
    type: doc.type,
    fileId: 'seed',
    fileName: 'seed.pdf',
    format: 'pdf',
    hash: doc.hash,
  }))
  const profile = {
    processName: 'NEW',
    date: life.createdAt.toISOString().slice(0, 10),
    oldProfile: null,
    newProfile: anonymousProfileOf(life.identity, documents, []),
  }
  sink.add('anonymousProfile', [
    life.profileId,
    JSON.stringify(profile),
    ...created(by, life.createdAt),
  ])
  sink.add('audit', [
    `idr-${life.uinRefId}`,
    life.createdAt,
    'Identity created',
    idRepoAuditEvents.createIdentity.id,
    'BUSINESS',
    idRepoAuditEvents.createIdentity.name,
    life.createdAt,
    'idrepo-seed',
    '10.0.0.11',
    by,
    null,
    'ID_REPO',
    'ID_REPO',
    idRepoAuditEvents.createIdentity.module,
    idRepoAuditEvents.createIdentity.name,
    life.uinRefId,
    'uin_ref_id',
    by,
  ])
}
