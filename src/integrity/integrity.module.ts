import { createIdRepoServices } from '../identity/index.js'
import type { Module } from '../platform/module.js'
import { registerDigestRoutes } from './http/digest.routes.js'
import { registerProofRoutes } from './http/proof.routes.js'
import { registerTransparencyRoutes } from './http/transparency.routes.js'
import { integrityHistory } from './integrity.migrations.js'
import { startLogRuntime } from './log/log-runtime.js'
import { openLogIdentity } from './publish/log-signer.js'

/**
 * Data-integrity transparency: every consented identity change, sequenced into an RFC 6962
 * Merkle log published as C2SP tiles and signed checkpoints, cosigned by witnesses.
 */
export const integrityModule: Module = {
  name: 'integrity',
  description:
    'Transparency log of every identity change: Merkle tiles, signed checkpoints, witnesses, proofs, auditor',
  dependsOn: ['identity'],
  migrations: [integrityHistory],
  async start({ platform, app }) {
    const log = await openLogIdentity(platform)
    registerTransparencyRoutes(app, { db: platform.db, log })
    registerDigestRoutes(app, { db: platform.db, log })
    registerProofRoutes(app, { db: platform.db, idRepo: createIdRepoServices(platform).idRepo })
    const runtime = startLogRuntime({
      db: platform.db,
      log,
      witnesses: platform.settings.integrity.witnesses,
      logger: platform.logger,
      publishMs: platform.settings.integrity.publishMs,
    })
    return { stop: () => runtime.stop() }
  },
}
