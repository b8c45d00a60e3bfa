import type { IdentityPart } from '../identity-part.js'
import { seedActivity } from '../seed/seed-activity.js'
import { kernelHistory } from './kernel.migrations.js'
import { ensureUinPool } from './uin-pool.js'
import { ensureVidPool, expireVids } from './vid-pool.js'

/**
 * MOSIP's identifiers (UIN, VID, RID) and their kernel pools. A periodic job plays MOSIP's pool
 * checkers: it tops the UIN and VID pools up below their threshold and expires VIDs.
 */
export const idsPart: IdentityPart = {
  name: 'ids',
  migrations: [kernelHistory],
  async start({ platform }) {
    return {
      jobs: [
        {
          name: 'identity.ids.pools',
          every: 300,
          async run() {
            // A seed draws its own UINs and VIDs (avoiding those already pooled): filling the
            // pools while it loads could draw one of its numbers.
            if ((await seedActivity(platform.db)).loading) return
            await ensureUinPool(platform.db)
            await ensureVidPool(platform.db)
            await expireVids(platform.db)
          },
        },
      ],
    }
  },
}
