import type { Module, ModuleRuntime } from '../platform/module.js'
import { auditPart } from './audit/audit.part.js'
import { idsPart } from './ids/ids.part.js'
import type { IdentityPart } from './identity-part.js'
import { idrepoPart } from './idrepo/idrepo.part.js'
import { idaPart } from './ida/ida.part.js'
import { masterPart } from './master/master.part.js'
import { regprcPart } from './regprc/regprc.part.js'
import { seedPart } from './seed/seed.part.js'

/** The parts in start order: later parts may use the tables and services of earlier ones. */
const parts: readonly IdentityPart[] = [
  auditPart,
  idsPart,
  masterPart,
  idrepoPart,
  idaPart,
  regprcPart,
  seedPart,
]

/**
 * The MOSIP-faithful identity core: MOSIP's own schemas and codes for master data, the
 * registration processor, the ID repository, VIDs, ID authentication and audit.
 */
export const identityModule: Module = {
  name: 'identity',
  description:
    'MOSIP-faithful identity core: master data, registration processor, ID repository, VIDs, ID authentication, audit',
  dependsOn: [],
  migrations: parts.flatMap((part) => part.migrations),
  async start(context) {
    const runtimes: ModuleRuntime[] = []
    for (const part of parts) if (part.start) runtimes.push(await part.start(context))
    return {
      jobs: runtimes.flatMap((runtime) => runtime.jobs ?? []),
      tasks: runtimes.flatMap((runtime) => runtime.tasks ?? []),
      async stop() {
        for (const runtime of runtimes.toReversed()) await runtime.stop?.()
      },
    }
  },
}
