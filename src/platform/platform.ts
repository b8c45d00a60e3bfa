import { join } from 'node:path'
import { type Auth, authMigrations, createAuth, tokenKeysFromStore } from './auth/index.js'
import { createEventBus, type EventBus } from './bus/index.js'
import type { Settings } from './config/index.js'
import {
  createFieldCipher,
  createKeyedHasher,
  createSigner,
  type FieldCipher,
  type KeyedHasher,
  type KeyStore,
  keyStoreHistory,
  loadMasterKey,
  openKeyStore,
  type Signer,
} from './crypto/index.js'
import { type Database, type Db, migrate, type MigrationHistory, openDatabase } from './db/index.js'
import { createTaskQueue, jobsHistory, type TaskQueue } from './jobs/index.js'
import { createNotifyService, notifyMigrations, type NotifyService } from './notify/index.js'
import { HealthRegistry, type Logger, type Metrics } from './telemetry/index.js'

/** The services every module stands on. One per process. */
export interface Platform {
  readonly settings: Settings
  readonly logger: Logger
  readonly metrics: Metrics
  readonly health: HealthRegistry
  readonly database: Database
  readonly db: Db
  readonly keys: KeyStore
  readonly cipher: FieldCipher
  readonly hasher: KeyedHasher
  readonly signer: Signer
  readonly bus: EventBus
  /** Enqueues one-off tasks for the job runner (any process's runner may run them). */
  readonly tasks: TaskQueue
  readonly notify: NotifyService
  readonly auth: Auth
  /** Where the server is reached, for links in messages and the token issuer. */
  readonly publicUrl: string
}

/** The platform's own migration histories, applied before any module's. */
export const platformMigrations: readonly MigrationHistory[] = [
  keyStoreHistory,
  authMigrations,
  jobsHistory,
  notifyMigrations,
]

export interface OpenPlatformOptions {
  settings: Settings
  logger: Logger
  metrics: Metrics
  /** Histories of the modules this process runs, migrated after the platform's. */
  moduleMigrations?: readonly MigrationHistory[]
  /** An already open database (tests); otherwise opened from the settings. */
  database?: Database
}

/**
 * Opens the database (creating and migrating it as needed), the key store, the event bus and
 * the platform services. The caller owns the result and must `closePlatform` it.
 */
export async function openPlatform(options: OpenPlatformOptions): Promise<Platform> {
  const { settings, logger, metrics } = options
  const database =
    options.database ??
    (await openDatabase({
      ...(settings.database.url
        ? { url: settings.database.url }
        : { dataDir: join(settings.home, 'pgdata') }),
      poolMax: settings.database.poolMax,
    }))
  try {
    await migrate(
      database.db,
      [...platformMigrations, ...(options.moduleMigrations ?? [])],
      (schema, name) => logger.info({ 'db.schema': schema, migration: name }, 'migration applied'),
    )
    const masterKey = loadMasterKey(settings)
    if (masterKey.created) {
      logger.warn(
        { 'file.path': masterKey.path },
        'created a new master key file; back it up: without it the stored keys and personal data cannot be read',
      )
    }
    if (masterKey.insecurePermissions)
      logger.warn({ 'file.path': masterKey.path }, 'master key file is readable by other users')
    const keys = await openKeyStore({ db: database.db, masterKey: masterKey.key })
    const cipher = createFieldCipher(keys)
    const auth = createAuth({
      db: database.db,
      keys: tokenKeysFromStore(keys),
      cipher,
      settings,
      // The same in every process of a deployment, whatever port each listens on.
      issuer: settings.server.publicUrl ?? 'urn:mosaic:local',
    })
    // Staff names an earlier version stored in plaintext are encrypted before anything reads them.
    const sealed = await auth.sealPlaintextNames()
    if (sealed > 0)
      logger.info({ component: 'auth', sealed }, 'encrypted staff names stored in plaintext')
    const publicUrl = settings.server.publicUrl ?? `http://localhost:${settings.server.port}`
    const bus = await createEventBus({ settings, database, logger })
    const platform: Platform = {
      settings,
      logger,
      metrics,
      health: new HealthRegistry(),
      database,
      db: database.db,
      keys,
      cipher,
      hasher: createKeyedHasher(keys),
      signer: createSigner(keys),
      bus,
      tasks: createTaskQueue(database.db),
      notify: createNotifyService({
        db: database.db,
        cipher,
        settings: settings.notify,
        logger: logger.child({ component: 'notify' }),
      }),
      auth,
      publicUrl,
    }
    return platform
  } catch (error) {
    await database.close().catch(() => {})
    throw error
  }
}

/** Closes what openPlatform opened, in reverse order. */
export async function closePlatform(platform: Platform): Promise<void> {
  await platform.bus.close()
  await platform.notify.close()
  await platform.database.close()
}
