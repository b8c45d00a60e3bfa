import type { IdentityPart } from '../identity-part.js'
import { registerCenterRoutes } from './center.routes.js'
import { registerEquipmentRoutes } from './equipment.routes.js'
import { MasterDataService } from './master-data.service.js'
import { masterHistory } from './master.migrations.js'
import { registerOperatorAndPlaceRoutes } from './operator-places.routes.js'
import { sealPlaintextPersonalColumns } from './seal-personal-columns.js'

/**
 * MOSIP's master data: zones, locations, centers, machines, devices and operators. Starting it
 * gives the platform the real zone tree, so staff zone scoping follows master.zone.
 */
export const masterPart: IdentityPart = {
  name: 'master',
  migrations: [masterHistory],
  async start({ platform, app }) {
    const { db, bus, cipher, logger } = platform
    // Names an earlier version stored in plaintext are encrypted before anything serves them.
    const sealed = await sealPlaintextPersonalColumns(db, cipher)
    if (sealed > 0)
      logger.info({ component: 'master', sealed }, 'encrypted personal columns stored in plaintext')
    const master = new MasterDataService({ db, bus, cipher })
    platform.auth.useZoneHierarchy(master.zones)
    registerCenterRoutes(app, master)
    registerEquipmentRoutes(app, master)
    registerOperatorAndPlaceRoutes(app, master)
    return {}
  },
}
