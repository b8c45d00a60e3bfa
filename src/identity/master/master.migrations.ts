import type { MigrationHistory } from '../../platform/db/index.js'
import {
  createCenterTables,
  createEquipmentAndUserTables,
  createPlaceTables,
  createReferenceTables,
} from './master-ddl.js'
import { seedReferenceData } from './master-seed.js'

/** MOSIP's `master` schema (mosip_master): the master data other parts validate against. */
export const masterHistory: MigrationHistory = {
  schema: 'master',
  migrations: {
    '0001_create_master_tables': {
      async up(db) {
        await createReferenceTables(db)
        await createPlaceTables(db)
        await createCenterTables(db)
        await createEquipmentAndUserTables(db)
      },
    },
    '0002_seed_reference_data': { up: seedReferenceData },
  },
}
