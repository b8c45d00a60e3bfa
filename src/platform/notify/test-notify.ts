import { randomBytes } from 'node:crypto'
import { pino } from 'pino'
import { settingsSchema, type Settings } from '../config/index.js'
import {
  createFieldCipher,
  keyStoreHistory,
  openKeyStore,
  type FieldCipher,
} from '../crypto/index.js'
import type { Backend } from '../db/index.js'
import { createTestDatabase, type TestDatabase } from '../db/test-database.js'
import type { Transports } from './message-delivery.js'
import { notifyMigrations } from './notify.migrations.js'
import { createNotifyService, type NotifyService } from './notify.service.js'
import type { MessageRow, NotifyTables } from './notify.tables.js'
import type { RetryPolicy } from './retry-policy.js'

/** A notify service on a fresh test database with the real field cipher and a hand-driven clock. */
export interface TestNotify {
  readonly notify: NotifyService
  readonly database: TestDatabase
  readonly cipher: FieldCipher
  /** Every log line written, as JSON text. */
  readonly logs: string[]
  now(): Date
  /** Moves the clock forward. */
  advance(ms: number): void
  /** The stored row, as it is on disk. */
  row(id: string): Promise<MessageRow>
  close(): Promise<void>
}

export async function createTestNotify(
  backend: Backend,
  options: {
    settings?: Partial<Settings['notify']>
    retry?: Partial<RetryPolicy>
    transports?: Partial<Transports>
  } = {},
): Promise<TestNotify> {
  const database = await createTestDatabase(backend, [keyStoreHistory, notifyMigrations])
  const cipher = createFieldCipher(
    await openKeyStore({ db: database.db, masterKey: randomBytes(32) }),
  )
  const logs: string[] = []
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(line) })
  let clock = new Date('2026-03-01T08:00:00.000Z')
  const notify = createNotifyService({
    db: database.db,
    cipher,
    settings: { ...settingsSchema.parse({}).notify, ...options.settings },
    logger,
    now: () => clock,
    retry: { baseDelayMs: 1_000, ...options.retry },
    ...(options.transports && { transports: options.transports }),
  })
  return {
    notify,
    database,
    cipher,
    logs,
    now: () => clock,
    advance(ms) {
      clock = new Date(clock.getTime() + ms)
    },
    row: (id) =>
      database.db
        .withTables<NotifyTables>()
        .selectFrom('notify.message')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
    async close() {
      await notify.close()
      await database.drop()
    },
  }
}
