import { sql } from 'kysely'
import type { MigrationHistory } from '../../platform/db/index.js'
import { mosipAuditColumns } from '../mosip-audit-columns.js'

/**
 * MOSIP's `kernel` schema (mosip_kernel), the identifier part of it: the pre-generated UIN and
 * VID pools and the RID sequence per registration center and machine.
 */
export const kernelHistory: MigrationHistory = {
  schema: 'kernel',
  migrations: {
    '0001_create_id_pools': {
      async up(db) {
        // Columns, types and nullability as in MOSIP's kernel-uin.sql and kernel-vid.sql.
        await sql`
          create table kernel.uin (
            uin varchar(28) not null,
            uin_status varchar(16),
            ${mosipAuditColumns},
            constraint pk_uin_id primary key (uin)
          )`.execute(db)
        // Allocation takes any UNUSED row; the partial index keeps that cheap in a large pool.
        await sql`create index idx_uin_unused on kernel.uin (uin) where uin_status = 'UNUSED'`.execute(
          db,
        )
        await sql`
          create table kernel.vid (
            vid varchar(36) not null,
            expiry_dtimes timestamp,
            vid_status varchar(16) not null,
            ${mosipAuditColumns},
            constraint pk_vid_id primary key (vid)
          )`.execute(db)
        await sql`create index idx_vid_status_not_deleted on kernel.vid (vid_status) where is_deleted = false`.execute(
          db,
        )
        // As regprc.rid_seq, keyed by center and machine, with the usual audit columns.
        await sql`
          create table kernel.rid_seq (
            regcntr_id varchar(10) not null,
            machine_id varchar(10) not null,
            curr_seq_no integer not null,
            cr_by varchar(256) not null,
            cr_dtimes timestamp not null,
            upd_by varchar(256),
            upd_dtimes timestamp,
            constraint pk_rid_seq primary key (regcntr_id, machine_id)
          )`.execute(db)
      },
    },
  },
}
