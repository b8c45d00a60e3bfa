import { sql } from 'kysely'
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
    // Operators' names and centers' contact people are stored as FieldCipher ciphertexts
    // (personal-columns.ts), which MOSIP's varchar(64) and varchar(128) cannot hold: at most
    // 64 (128) UTF-16 units are 192 (384) UTF-8 bytes, 363 (619) characters once encrypted.
    // Values written in plaintext before are encrypted at start (seal-personal-columns.ts).
    '0003_widen_encrypted_person_columns': {
      async up(db) {
        for (const table of ['user_detail', 'user_detail_h'])
          await sql`alter table ${sql.table(`master.${table}`)}
            alter column name type varchar(512)`.execute(db)
        for (const table of ['registration_center', 'registration_center_h'])
          await sql`alter table ${sql.table(`master.${table}`)}
            alter column contact_person type varchar(1024)`.execute(db)
      },
    },
  },
}
