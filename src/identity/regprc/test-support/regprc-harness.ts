import { createHash, randomBytes } from 'node:crypto'
import { auditHistory } from '../../audit/index.js'
import { authMigrations } from '../../../platform/auth/index.js'
import { busMigrations, type EventBus } from '../../../platform/bus/index.js'
import { openTestBus } from '../../../platform/bus/test-bus.js'
import {
  createFieldCipher,
  createKeyedHasher,
  keyStoreHistory,
  openKeyStore,
} from '../../../platform/crypto/index.js'
import type { Backend } from '../../../platform/db/index.js'
import { createTaskQueue, jobsHistory } from '../../../platform/jobs/index.js'
import { createTestDatabase, type TestDatabase } from '../../../platform/db/test-database.js'
import { createTemplateMatcher } from '../abis/template-matcher.js'
import { createAdjudicationService } from '../adjudication/adjudication.service.js'
import { createDbPacketStore } from '../db-packet-store.js'
import { taskStepScheduler } from '../engine/step-task.js'
import type { StepRef, WorkflowEngine } from '../engine/workflow-engine.js'
import { createWorkflowEngine } from '../engine/workflow-engine.js'
import { receivePacket } from '../intake/packet-receiver.service.js'
import { syncRegistrations } from '../intake/sync.service.js'
import { defaultRegprcSettings, type RegprcSettings } from '../regprc.settings.js'
import { regprcHistory } from '../schema/regprc.migrations.js'
import type { RegprcTables } from '../schema/regprc.tables.js'
import { stageHandlers } from '../stages/index.js'
import { FakeIdentity, FakeMasterData } from './fake-ports.js'

export const regprcTestHistories = [
  keyStoreHistory,
  authMigrations,
  auditHistory,
  busMigrations,
  jobsHistory,
  regprcHistory,
]

/**
 * The registration processor on a test database with in-memory master data and ID repository,
 * the built-in matcher and packet store, and a step queue the test drains itself.
 */
export async function openRegprcHarness(
  backend: Backend,
  settings: Partial<RegprcSettings> = {},
  options: { tasks?: boolean } = {},
) {
  const database: TestDatabase = await createTestDatabase(backend, regprcTestHistories)
  const keys = await openKeyStore({ db: database.db, masterKey: randomBytes(32) })
  const cipher = createFieldCipher(keys)
  const bus: EventBus = await openTestBus(database)
  const master = new FakeMasterData()
  const identity = new FakeIdentity()
  const fullSettings = { ...defaultRegprcSettings, ...settings }
  const queue: StepRef[] = []
  const packets = createDbPacketStore(database.db, cipher)
  const engine: WorkflowEngine = createWorkflowEngine({
    db: database.db,
    bus,
    // Tests drain an in-memory queue step by step, or (tasks) run the platform's task runner.
    scheduler: options.tasks
      ? taskStepScheduler(createTaskQueue(database.db))
      : { schedule: async (_trx, step) => void queue.push(step) },
    packets,
    services: {
      master,
      identity,
      abis: createTemplateMatcher({
        db: database.db,
        cipher,
        threshold: fullSettings.matchThreshold,
      }),
      demoHasher: createKeyedHasher(keys, { purpose: 'hash-demo' }),
      settings: fullSettings,
    },
    handlers: stageHandlers,
  })
  const db = database.db.withTables<RegprcTables>()
  return {
    database,
    db,
    bus,
    master,
    identity,
    cipher,
    packets,
    engine,
    queue,
    settings: fullSettings,
    adjudication: createAdjudicationService(database.db, () => engine),
    /** Runs queued steps until none is left. */
    async drain(): Promise<void> {
      for (let i = 0, step = queue.shift(); step; i++, step = queue.shift()) {
        if (i > 200) throw new Error('workflow did not settle')
        await engine.runStep(step)
      }
    },
    /** Syncs and uploads a packet as the registration client does; returns its instance id. */
    async submit(
      packet: Record<string, unknown>,
      extra: Record<string, unknown> = {},
    ): Promise<string> {
      const raw = JSON.stringify(packet)
      const [result] = await syncRegistrations(
        { db: database.db, cipher },
        [
          {
            registrationId: packet.registrationId,
            registrationType: packet.process,
            packetHashValue: createHash('sha256').update(raw).digest('hex'),
            packetSize: Buffer.byteLength(raw),
            supervisorStatus: 'APPROVED',
            langCode: 'eng',
            name: 'Amina Njoroge',
            phone: '+254700000001',
            ...extra,
          },
        ],
        'officer1',
      )
      if (result?.status !== 'SUCCESS') throw new Error(`sync failed: ${result?.errorCode}`)
      const received = await receivePacket({ db: database.db, packets, engine }, raw, 'officer1')
      return received.workflowInstanceId
    },
    /** The instance's transactions, oldest first, as [type, status, sub-status, comment]. */
    async history(workflowInstanceId: string, rid: string): Promise<string[][]> {
      void workflowInstanceId
      const rows = await db
        .selectFrom('regprc.registration_transaction')
        .select([
          'trn_type_code',
          'status_code',
          'sub_status_code',
          'status_comment',
          'id',
          'parent_regtrn_id',
        ])
        .where('reg_id', '=', rid)
        .execute()
      // Follow the parent chain from the first row: the order the workflow wrote them.
      const ordered: typeof rows = []
      let parent: string | null = null
      for (;;) {
        const next = rows.find((row) => row.parent_regtrn_id === parent)
        if (!next) break
        ordered.push(next)
        parent = next.id
      }
      return ordered.map((r) => [
        r.trn_type_code,
        r.status_code,
        r.sub_status_code,
        r.status_comment ?? '',
      ])
    },
    async registration(workflowInstanceId: string) {
      return db
        .selectFrom('regprc.registration')
        .selectAll()
        .where('workflow_instance_id', '=', workflowInstanceId)
        .executeTakeFirstOrThrow()
    },
    async close(): Promise<void> {
      await bus.close({ force: true })
      await database.drop()
    },
  }
}

export type RegprcHarness = Awaited<ReturnType<typeof openRegprcHarness>>
