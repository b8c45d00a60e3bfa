import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import type { Db } from '../db/index.js'
import { cryptoErrors } from './errors.js'
import {
  type KeyAlgorithm,
  keyAlgorithmSchema,
  type KeyStatus,
  purposeSchema,
} from './key-algorithm.js'
import { generateKeyBytes, type KeyObjects, toKeyObjects } from './key-material.js'
import type { KeyRow, KeyStoreTables } from './key-store.tables.js'
import { createKeyWrapper, type KeyWrapper } from './key-wrapper.js'

/** A key from the store, ready for Node's crypto functions. */
export interface StoredKey extends KeyObjects {
  readonly kid: string
  readonly purpose: string
  readonly algorithm: KeyAlgorithm
  /** As read at most `cacheTtlMs` ago. */
  readonly status: KeyStatus
  readonly createdAt: Date
  readonly retiredAt: Date | null
}

/** Keys by purpose, one active each, secrets encrypted under the master key. */
export interface KeyStore {
  /** The purpose's active key; creates it on first use. Throws if it has another algorithm. */
  activeKey(purpose: string, algorithm: KeyAlgorithm): Promise<StoredKey>
  /** Any key, active or retired, for verifying and decrypting. Throws MOS-CRY-003 if unknown. */
  key(kid: string): Promise<StoredKey>
  /** Every key of a purpose, newest first, with current status. */
  keys(purpose: string): Promise<StoredKey[]>
  /** Makes a new active key (same algorithm unless given) and retires the previous one. */
  rotate(purpose: string, algorithm?: KeyAlgorithm): Promise<StoredKey>
}

export interface OpenKeyStoreOptions {
  db: Db
  /** 32 bytes, from `loadMasterKey`. */
  masterKey: Buffer
  /** How long a process trusts its cached view of which key is active (default 60 s). */
  cacheTtlMs?: number
}

const UNIQUE_VIOLATION = '23505'

/**
 * Opens the key store in `db` (migrated with `keyStoreHistory`). Fails with MOS-CRY-001 when
 * the store was created under another master key.
 */
export async function openKeyStore(options: OpenKeyStoreOptions): Promise<KeyStore> {
  const db = options.db.withTables<KeyStoreTables>()
  const wrapper = createKeyWrapper(options.masterKey)
  await checkMasterKey(db, wrapper.fingerprint)
  return new DatabaseKeyStore(db, wrapper, options.cacheTtlMs ?? 60_000)
}

async function checkMasterKey(db: Kysely<KeyStoreTables>, fingerprint: string): Promise<void> {
  await db
    .insertInto('keys.master_key_check')
    .values({ id: 1, fingerprint })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
  const row = await db
    .selectFrom('keys.master_key_check')
    .select('fingerprint')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow()
  const stored = Buffer.from(row.fingerprint)
  const ours = Buffer.from(fingerprint)
  if (stored.length !== ours.length || !timingSafeEqual(stored, ours)) {
    throw cryptoErrors.masterKeyMismatch()
  }
}

interface Cached {
  readonly key: StoredKey
  readonly until: number
}

class DatabaseKeyStore implements KeyStore {
  // Key material never changes for a kid, so it is kept for the life of the process.
  readonly #material = new Map<string, KeyObjects>()
  readonly #byKid = new Map<string, Cached>()
  readonly #active = new Map<string, Cached>()
  readonly #creating = new Map<string, Promise<StoredKey>>()

  constructor(
    private readonly db: Kysely<KeyStoreTables>,
    private readonly wrapper: KeyWrapper,
    private readonly ttlMs: number,
  ) {}

  async activeKey(purpose: string, algorithm: KeyAlgorithm): Promise<StoredKey> {
    parse(purposeSchema, purpose, 'key purpose')
    parse(keyAlgorithmSchema, algorithm, 'key algorithm')
    const cached = this.#active.get(purpose)
    let key = cached && cached.until > Date.now() ? cached.key : undefined
    if (!key) {
      let pending = this.#creating.get(purpose)
      if (!pending) {
        pending = this.#loadOrCreateActive(purpose, algorithm)
        this.#creating.set(purpose, pending)
        pending.finally(() => this.#creating.delete(purpose)).catch(() => {})
      }
      key = await pending
    }
    if (key.algorithm !== algorithm) {
      throw cryptoErrors.keyAlgorithmMismatch(purpose, algorithm, key.algorithm)
    }
    return key
  }

  async key(kid: string): Promise<StoredKey> {
    const cached = this.#byKid.get(kid)
    if (cached && cached.until > Date.now()) return cached.key
    const row =
      kid.length <= 64
        ? await this.db.selectFrom('keys.key').selectAll().where('kid', '=', kid).executeTakeFirst()
        : undefined
    if (!row) throw cryptoErrors.keyNotFound(kid)
    return this.#remember(row)
  }

  async keys(purpose: string): Promise<StoredKey[]> {
    parse(purposeSchema, purpose, 'key purpose')
    const rows = await this.db
      .selectFrom('keys.key')
      .selectAll()
      .where('purpose', '=', purpose)
      .orderBy('created_at', 'desc')
      .orderBy('kid')
      .execute()
    return rows.map((row) => this.#remember(row))
  }

  async rotate(purpose: string, algorithm?: KeyAlgorithm): Promise<StoredKey> {
    parse(purposeSchema, purpose, 'key purpose')
    if (algorithm !== undefined) parse(keyAlgorithmSchema, algorithm, 'key algorithm')
    for (let attempt = 1; ; attempt++) {
      try {
        const row = await this.db.transaction().execute(async (trx) => {
          const previous = await trx
            .selectFrom('keys.key')
            .select('algorithm')
            .where('purpose', '=', purpose)
            .orderBy('created_at', 'desc')
            .limit(1)
            .forUpdate()
            .executeTakeFirst()
          const chosen = algorithm ?? previous?.algorithm
          if (!chosen)
            throw cryptoErrors.invalidInput(
              `rotation: ${purpose} has no key yet, name the algorithm`,
            )
          await trx
            .updateTable('keys.key')
            .set({ status: 'retired', retired_at: new Date() })
            .where('purpose', '=', purpose)
            .where('status', '=', 'active')
            .execute()
          return trx
            .insertInto('keys.key')
            .values(this.#newRow(purpose, chosen))
            .returningAll()
            .executeTakeFirstOrThrow()
        })
        this.#active.delete(purpose)
        return this.#remember(row)
      } catch (error) {
        // Another process rotated at the same moment; ours becomes the next rotation.
        if ((error as { code?: string }).code !== UNIQUE_VIOLATION || attempt >= 3) throw error
      }
    }
  }

  async #loadOrCreateActive(purpose: string, algorithm: KeyAlgorithm): Promise<StoredKey> {
    for (let attempt = 1; attempt <= 3; attempt++) {
      const row = await this.db
        .selectFrom('keys.key')
        .selectAll()
        .where('purpose', '=', purpose)
        .where('status', '=', 'active')
        .executeTakeFirst()
      if (row) {
        const key = this.#remember(row)
        this.#active.set(purpose, { key, until: Date.now() + this.ttlMs })
        return key
      }
      await this.db
        .insertInto('keys.key')
        .values(this.#newRow(purpose, algorithm))
        .onConflict((oc) => oc.column('purpose').where('status', '=', 'active').doNothing())
        .execute()
    }
    throw cryptoErrors.keyUnusable(purpose, 'no active key could be created')
  }

  #newRow(purpose: string, algorithm: KeyAlgorithm): KeyRow {
    const kid = randomBytes(12).toString('base64url')
    const bytes = generateKeyBytes(algorithm)
    return {
      kid,
      purpose,
      algorithm,
      status: 'active',
      public_key: bytes.publicKey?.toString('base64') ?? null,
      wrapped_secret: this.wrapper.wrap(bytes.secret, { kid, purpose, algorithm }),
      created_at: new Date(),
      retired_at: null,
    }
  }

  #remember(row: KeyRow): StoredKey {
    let material = this.#material.get(row.kid)
    if (!material) {
      const secret = this.wrapper.unwrap(row.wrapped_secret, row)
      if (!secret) {
        throw cryptoErrors.keyUnusable(row.kid, 'its secret does not decrypt under the master key')
      }
      const publicKey = row.public_key === null ? null : Buffer.from(row.public_key, 'base64')
      material = toKeyObjects(row.algorithm, { secret, publicKey })
      secret.fill(0)
      this.#material.set(row.kid, material)
    }
    const key: StoredKey = {
      kid: row.kid,
      purpose: row.purpose,
      algorithm: row.algorithm,
      status: row.status,
      createdAt: row.created_at,
      retiredAt: row.retired_at,
      ...material,
    }
    this.#byKid.set(row.kid, { key, until: Date.now() + this.ttlMs })
    return key
  }
}

function parse(schema: z.ZodType, value: unknown, what: string): void {
  if (!schema.safeParse(value).success) throw cryptoErrors.invalidInput(what)
}
