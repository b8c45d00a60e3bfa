import { sql } from 'kysely'

/**
 * MOSIP's common audit columns, on almost every table of its databases (master, regprc, idrepo,
 * idmap, ida, kernel, prereg): who created and last changed a row, when, and its soft delete.
 */
export const mosipAuditColumns = sql.raw(`
  cr_by varchar(256) not null,
  cr_dtimes timestamp not null,
  upd_by varchar(256),
  upd_dtimes timestamp,
  is_deleted boolean default false,
  del_dtimes timestamp`)
