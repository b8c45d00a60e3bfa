import { z } from 'zod'
import type { OperatorRow } from './operator.repository.js'
import type { CenterRow, DeviceRow, LocationRow, MachineRow, ZoneRow } from './master.tables.js'

const iso = (date: Date | null) => (date ? date.toISOString() : null)
const lifecycle = {
  isActive: z.boolean(),
  isDeleted: z.boolean(),
  createdDateTime: z.string(),
  updatedDateTime: z.string().nullable(),
}
function lifecycleOf(row: {
  is_active: boolean
  is_deleted: boolean | null
  cr_dtimes: Date
  upd_dtimes: Date | null
}) {
  return {
    isActive: row.is_active,
    isDeleted: row.is_deleted === true,
    createdDateTime: row.cr_dtimes.toISOString(),
    updatedDateTime: iso(row.upd_dtimes),
  }
}

export const centerSchema = z.object({
  id: z.string(),
  name: z.string(),
  langCode: z.string(),
  centerTypeCode: z.string().nullable(),
  addressLine1: z.string().nullable(),
  addressLine2: z.string().nullable(),
  addressLine3: z.string().nullable(),
  latitude: z.string().nullable(),
  longitude: z.string().nullable(),
  locationCode: z.string(),
  holidayLocationCode: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactPerson: z.string().nullable(),
  numberOfKiosks: z.number().nullable(),
  workingHours: z.string().nullable(),
  perKioskProcessTime: z.string().nullable(),
  centerStartTime: z.string().nullable(),
  centerEndTime: z.string().nullable(),
  lunchStartTime: z.string().nullable(),
  lunchEndTime: z.string().nullable(),
  timeZone: z.string().nullable(),
  zoneCode: z.string(),
  ...lifecycle,
})

/** MOSIP's RegistrationCenterExtnDto field names. */
export function presentCenter(row: CenterRow): z.infer<typeof centerSchema> {
  return {
    id: row.id,
    name: row.name,
    langCode: row.lang_code,
    centerTypeCode: row.cntrtyp_code,
    addressLine1: row.addr_line1,
    addressLine2: row.addr_line2,
    addressLine3: row.addr_line3,
    latitude: row.latitude,
    longitude: row.longitude,
    locationCode: row.location_code,
    holidayLocationCode: row.holiday_loc_code,
    contactPhone: row.contact_phone,
    contactPerson: row.contact_person,
    numberOfKiosks: row.number_of_kiosks,
    workingHours: row.working_hours,
    perKioskProcessTime: row.per_kiosk_process_time,
    centerStartTime: row.center_start_time,
    centerEndTime: row.center_end_time,
    lunchStartTime: row.lunch_start_time,
    lunchEndTime: row.lunch_end_time,
    timeZone: row.time_zone,
    zoneCode: row.zone_code,
    ...lifecycleOf(row),
  }
}

const equipment = {
  id: z.string(),
  name: z.string(),
  serialNum: z.string().nullable(),
  macAddress: z.string().nullable(),
  ipAddress: z.string().nullable(),
  zoneCode: z.string(),
  regCenterId: z.string().nullable(),
  validityDateTime: z.string().nullable(),
  ...lifecycle,
}

export const machineSchema = z.object({
  ...equipment,
  machineSpecId: z.string(),
  publicKey: z.string().nullable(),
  signPublicKey: z.string().nullable(),
})
export const deviceSchema = z.object({ ...equipment, deviceSpecId: z.string() })

function equipmentOf(row: MachineRow | DeviceRow) {
  return {
    id: row.id,
    name: row.name,
    serialNum: row.serial_num,
    macAddress: row.mac_address,
    ipAddress: row.ip_address,
    zoneCode: row.zone_code,
    regCenterId: row.regcntr_id,
    validityDateTime: iso(row.validity_end_dtimes),
    ...lifecycleOf(row),
  }
}

export function presentMachine(row: MachineRow): z.infer<typeof machineSchema> {
  return {
    ...equipmentOf(row),
    machineSpecId: row.mspec_id,
    publicKey: row.public_key,
    signPublicKey: row.sign_public_key,
  }
}

export function presentDevice(row: DeviceRow): z.infer<typeof deviceSchema> {
  return { ...equipmentOf(row), deviceSpecId: row.dspec_id }
}

export const userSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  statusCode: z.string().nullable(),
  regCenterId: z.string().nullable(),
  zoneCode: z.string().nullable(),
  langCode: z.string().nullable(),
  lastLoginDateTime: z.string().nullable(),
  ...lifecycle,
})

/** For administrators only: the name is personal data and goes nowhere else. */
export function presentUser(row: OperatorRow): z.infer<typeof userSchema> {
  return {
    id: row.id,
    name: row.name,
    statusCode: row.status_code,
    regCenterId: row.regcntr_id,
    zoneCode: row.zone_code,
    langCode: row.lang_code,
    lastLoginDateTime: iso(row.last_login_dtimes),
    ...lifecycleOf(row),
  }
}

export const zoneSchema = z.object({
  code: z.string(),
  name: z.string(),
  hierarchyLevel: z.number(),
  hierarchyName: z.string(),
  hierarchyPath: z.string().nullable(),
  parentZoneCode: z.string().nullable(),
  langCode: z.string(),
  isActive: z.boolean(),
})

export function presentZone(row: ZoneRow): z.infer<typeof zoneSchema> {
  return {
    code: row.code,
    name: row.name,
    hierarchyLevel: row.hierarchy_level,
    hierarchyName: row.hierarchy_level_name,
    hierarchyPath: row.hierarchy_path,
    parentZoneCode: row.parent_zone_code,
    langCode: row.lang_code,
    isActive: row.is_active,
  }
}

export const locationSchema = z.object({
  code: z.string(),
  name: z.string(),
  hierarchyLevel: z.number(),
  hierarchyName: z.string(),
  parentLocCode: z.string().nullable(),
  langCode: z.string(),
  isActive: z.boolean(),
})

export function presentLocation(row: LocationRow): z.infer<typeof locationSchema> {
  return {
    code: row.code,
    name: row.name,
    hierarchyLevel: row.hierarchy_level,
    hierarchyName: row.hierarchy_level_name,
    parentLocCode: row.parent_loc_code,
    langCode: row.lang_code,
    isActive: row.is_active,
  }
}

/** MOSIP's PageResponseDto, plus the page size asked for. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    pageNo: z.number(),
    pageSize: z.number(),
    totalItems: z.number(),
    totalPages: z.number(),
    data: z.array(item),
  })
}

export function presentPage<R, T>(
  page: { rows: R[]; total: number },
  query: { pageNumber: number; pageSize: number },
  present: (row: R) => T,
) {
  return {
    pageNo: query.pageNumber,
    pageSize: query.pageSize,
    totalItems: page.total,
    totalPages: Math.ceil(page.total / query.pageSize),
    data: page.rows.map(present),
  }
}

export const statusSchema = z.object({ id: z.string(), status: z.string() })
