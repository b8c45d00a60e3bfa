import { sql } from 'kysely'
import type { MigrationHistory } from '../../platform/db/index.js'
import { mosipAuditColumns } from '../mosip-audit-columns.js'

/** MOSIP's `idmap` schema (mosip_idmap): the VIDs mapped to UINs. */
export const idmapHistory: MigrationHistory = {
  schema: 'idmap',
  migrations: {
    '0001_create_vid': {
      async up(db) {
        // MOSIP's columns, plus transaction_count: MOSIP counts a VID's uses in IDA's
        // identity_cache.transaction_limit; Mosaic resolves VIDs here, so it counts here.
        await sql`create table idmap.vid (
          id varchar(36) not null,
          vid varchar(36) not null,
          uin_hash varchar(128) not null,
          uin varchar(500) not null,
          vidtyp_code varchar(36) not null,
          generated_dtimes timestamp not null,
          expiry_dtimes timestamp,
          status_code varchar(32) not null,
          ${mosipAuditColumns},
          transaction_count integer not null default 0,
          constraint pk_vid primary key (id),
          constraint uk_vid unique (vid),
          constraint uk_vid_uinhash unique (uin_hash, vidtyp_code, generated_dtimes))`.execute(db)
        await sql`create index idx_vid_uin_hash on idmap.vid (uin_hash, status_code)`.execute(db)
      },
    },
  },
}
