import { createKeyedHasher } from '../../platform/crypto/index.js'
import type { ModuleContext } from '../../platform/module.js'
import type { IdentityPart } from '../identity-part.js'
import { createTemplateMatcher } from './abis/template-matcher.js'
import { masterDataAdapter } from './adapters/master-data.adapter.js'
import { identityAdapter } from './adapters/identity.adapter.js'
import { createIdRepoServices, poolIdentifiers, recordJournalFor } from '../idrepo/index.js'
import { MasterDataService } from '../master/index.js'
import { createAdjudicationService } from './adjudication/adjudication.service.js'
import {
  registerAdjudicationComparisonRoute,
  registerAdjudicationRoutes,
} from './adjudication/adjudication.routes.js'
import { createComparisonService } from './adjudication/comparison.service.js'
import {
  identityViewAdapter,
  unwiredIdentityView,
  type IdentityViewPort,
} from './adjudication/identity-view.port.js'
import { createDbPacketStore } from './db-packet-store.js'
import { reprocessorJob } from './engine/reprocessor.js'
import { stepTask, taskStepScheduler } from './engine/step-task.js'
import { createWorkflowEngine, type WorkflowEngine } from './engine/workflow-engine.js'
import { registerIntakeRoutes } from './intake/intake.routes.js'
import type { IdentityPort, MasterDataPort } from './ports.js'
import type { RegprcSettings } from './regprc.settings.js'
import { regprcHistory } from './schema/regprc.migrations.js'
import { stageHandlers } from './stages/index.js'

/** The ports the registration processor takes from the rest of the identity core. */
export interface RegprcPorts {
  readonly master: MasterDataPort
  readonly identity: IdentityPort
  /** Matched identities as adjudicators see them; without it comparisons fail (MOS-RPR-004). */
  readonly identityViews?: IdentityViewPort
}

/**
 * Builds the registration processor part: the `regprc` schema, the MOSIP intake routes, the
 * adjudication queue, the workflow steps (a platform task) and the reprocessor (a periodic job).
 * Settings come from the platform's `identity.regprc` section (MOSIP's defaults where unset),
 * unless fixed here (tests).
 */
export function createRegprcPart(
  ports: (context: ModuleContext) => RegprcPorts,
  fixedSettings?: RegprcSettings,
): IdentityPart {
  return {
    name: 'regprc',
    migrations: [regprcHistory],
    async start(context) {
      const { platform, app } = context
      const settings = fixedSettings ?? platform.settings.identity.regprc
      const { db, bus, cipher } = platform
      const packets = createDbPacketStore(db, cipher)
      const { master, identity, identityViews = unwiredIdentityView } = ports(context)
      const engine: WorkflowEngine = createWorkflowEngine({
        db,
        bus,
        scheduler: taskStepScheduler(platform.tasks),
        packets,
        services: {
          master,
          identity,
          abis: createTemplateMatcher({ db, cipher, threshold: settings.matchThreshold }),
          demoHasher: createKeyedHasher(platform.keys, { purpose: 'hash-demo' }),
          settings,
        },
        handlers: stageHandlers,
      })
      await registerIntakeRoutes(app, { db, cipher, settings, packets, engine })
      registerAdjudicationRoutes(
        app,
        createAdjudicationService(db, () => engine),
      )
      registerAdjudicationComparisonRoute(
        app,
        createComparisonService({ db, packets, identities: identityViews }),
      )
      return {
        tasks: [stepTask(() => engine)],
        jobs: [reprocessorJob({ db, bus, engine: () => engine, settings })],
      }
    },
  }
}

/**
 * The part as the identity module runs it: master data and the ID repository through their
 * parts' services (the identity module starts those parts before this one).
 */
export const regprcPart: IdentityPart = createRegprcPart((context) => {
  const { platform } = context
  const journal = recordJournalFor(context)
  const { idRepo } = createIdRepoServices(platform, poolIdentifiers, journal)
  return {
    master: masterDataAdapter(
      new MasterDataService({ db: platform.db, bus: platform.bus, cipher: platform.cipher }),
    ),
    identity: identityAdapter(idRepo),
    identityViews: identityViewAdapter(idRepo),
  }
})
