import { type Kysely, sql } from 'kysely'
import type { CenterCommon, CenterTexts } from './center.service.js'
import type { CenterRow, MasterTables } from './master.tables.js'

/** Between the API's center fields and MOSIP's registration_center columns. */
export function commonColumns(input: CenterCommon) {
  return {
    cntrtyp_code: input.centerTypeCode,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    location_code: input.locationCode,
    contact_phone: input.contactPhone ?? null,
    number_of_kiosks: input.numberOfKiosks ?? null,
    working_hours: input.workingHours ?? null,
    per_kiosk_process_time: input.perKioskProcessTime ?? null,
    center_start_time: input.centerStartTime ?? null,
    center_end_time: input.centerEndTime ?? null,
    lunch_start_time: input.lunchStartTime ?? null,
    lunch_end_time: input.lunchEndTime ?? null,
    time_zone: input.timeZone ?? null,
    holiday_loc_code: input.holidayLocationCode ?? null,
    zone_code: input.zoneCode,
  }
}

export function textColumns(texts: CenterTexts) {
  return {
    name: texts.name,
    addr_line1: texts.addrLine1 ?? null,
    addr_line2: texts.addrLine2 ?? null,
    addr_line3: texts.addrLine3 ?? null,
    contact_person: texts.contactPerson ?? null,
  }
}

export function centerCommonOf(row: CenterRow): CenterCommon {
  return {
    centerTypeCode: row.cntrtyp_code ?? 'REG',
    locationCode: row.location_code,
    zoneCode: row.zone_code,
    latitude: row.latitude,
    longitude: row.longitude,
    contactPhone: row.contact_phone,
    numberOfKiosks: row.number_of_kiosks,
    workingHours: row.working_hours,
    perKioskProcessTime: row.per_kiosk_process_time,
    centerStartTime: row.center_start_time,
    centerEndTime: row.center_end_time,
    lunchStartTime: row.lunch_start_time,
    lunchEndTime: row.lunch_end_time,
    timeZone: row.time_zone,
    holidayLocationCode: row.holiday_loc_code,
  }
}

export function centerTextsOf(row: CenterRow): CenterTexts {
  return {
    name: row.name,
    addrLine1: row.addr_line1,
    addrLine2: row.addr_line2,
    addrLine3: row.addr_line3,
    contactPerson: row.contact_person,
  }
}

/** Updates one language row's texts, or adds the row copied from the primary one. */
export async function updateCenterTexts(
  trx: Kysely<MasterTables>,
  primary: CenterRow,
  lang: string,
  texts: Partial<CenterTexts>,
  stamp: { upd_by: string; upd_dtimes: Date },
): Promise<void> {
  const result = await trx
    .updateTable('master.registration_center')
    .set({ ...definedTexts(texts), ...stamp })
    .where('id', '=', primary.id)
    .where('lang_code', '=', lang)
    .executeTakeFirst()
  if (result.numUpdatedRows > 0n || !texts.name) return
  // A new language: copy the primary row's shared columns, as they stand after the update.
  await sql`insert into master.registration_center
    select id, ${texts.name}, cntrtyp_code, ${texts.addrLine1 ?? null}, ${texts.addrLine2 ?? null},
      ${texts.addrLine3 ?? null}, latitude, longitude, location_code, contact_phone,
      ${texts.contactPerson ?? null}, number_of_kiosks, working_hours, per_kiosk_process_time,
      center_start_time, center_end_time, lunch_start_time, lunch_end_time, time_zone,
      holiday_loc_code, zone_code, ${lang}, is_active, ${stamp.upd_by}, ${stamp.upd_dtimes},
      null, null, is_deleted, del_dtimes
    from master.registration_center where id = ${primary.id} and lang_code = 'eng'`.execute(trx)
}

function definedTexts(texts: Partial<CenterTexts>) {
  const columns = {
    name: texts.name,
    addr_line1: texts.addrLine1,
    addr_line2: texts.addrLine2,
    addr_line3: texts.addrLine3,
    contact_person: texts.contactPerson,
  }
  return Object.fromEntries(Object.entries(columns).filter(([, value]) => value !== undefined))
}
