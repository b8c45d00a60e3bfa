import { z } from 'zod'

/**
 * MOSIP's request wrapper as the admin portal sends it. MOSIP's masterdata service does not
 * insist on a particular `id`, so neither do we; `request` is what gets validated.
 */
export function masterRequestOf<T extends z.ZodType>(request: T) {
  return z.object({
    id: z.string().max(128).optional(),
    version: z.string().max(16).optional(),
    requesttime: z.iso.datetime({ offset: true }).optional(),
    metadata: z.record(z.string(), z.unknown()).nullable().optional(),
    request,
  })
}

export const code = z
  .string()
  .trim()
  .min(1)
  .max(36)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ or -')
export const langCode = z.enum(['eng', 'fra', 'ara'])
export const centerId = z.string().regex(/^\d{1,10}$/, 'a center id of 1 to 10 digits')
export const machineId = z.string().regex(/^\d{1,10}$/, 'a machine id of 1 to 10 digits')
export const deviceId = z
  .string()
  .min(1)
  .max(36)
  .regex(/^[A-Za-z0-9-]+$/, 'a device id')
export const userId = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[A-Za-z0-9._@-]+$/, 'a user id')
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'a time HH:MM[:SS]')
const text = (max: number) => z.string().trim().min(1).max(max)
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional()

export const pageQuery = z.object({
  pageNumber: z.coerce.number().int().min(0).max(100_000).default(0),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  isActive: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
})

export const statusQuery = z.object({
  isActive: z.enum(['true', 'false']).transform((value) => value === 'true'),
})

const centerTexts = {
  name: text(128),
  addressLine1: optionalText(256),
  addressLine2: optionalText(256),
  addressLine3: optionalText(256),
  contactPerson: optionalText(128),
}

const days = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const

const centerFields = z.object({
  ...centerTexts,
  centerTypeCode: code,
  locationCode: code,
  zoneCode: code,
  holidayLocationCode: code.nullable().optional(),
  latitude: z
    .string()
    .regex(/^-?\d{1,3}\.\d{4,}$/, 'decimal degrees with 4+ decimals')
    .nullable()
    .optional(),
  longitude: z
    .string()
    .regex(/^-?\d{1,3}\.\d{4,}$/, 'decimal degrees with 4+ decimals')
    .nullable()
    .optional(),
  contactPhone: z
    .string()
    .regex(/^\+?[0-9 ()-]{3,16}$/, 'a phone number')
    .nullable()
    .optional(),
  numberOfKiosks: z.number().int().min(0).max(1000).nullable().optional(),
  workingHours: z.string().max(32).nullable().optional(),
  perKioskProcessTime: time.nullable().optional(),
  centerStartTime: time.nullable().optional(),
  centerEndTime: time.nullable().optional(),
  lunchStartTime: time.nullable().optional(),
  lunchEndTime: time.nullable().optional(),
  timeZone: z.string().max(64).nullable().optional(),
  workingNonWorkingDays: z.partialRecord(z.enum(days), z.boolean()).optional(),
  translations: z
    .array(z.object({ langCode: langCode.exclude(['eng']), ...centerTexts }))
    .max(2)
    .optional(),
})

export const createCenterSchema = centerFields.extend({ isActive: z.boolean().optional() })
export const updateCenterSchema = centerFields.partial().extend({ id: centerId })
export type CenterBody = z.infer<typeof centerFields>

/** MOSIP's {sun: true, ...} working days as daysofweek_list codes (101 = Sunday). */
export function workingDayCodes(days: CenterBody['workingNonWorkingDays']): string[] | undefined {
  if (!days) return undefined
  return Object.entries(days)
    .filter(([, working]) => working)
    .map(([day]) =>
      String(
        101 + (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const).indexOf(day as 'sun'),
      ),
    )
}

const equipmentFields = {
  name: text(64),
  serialNum: optionalText(64),
  macAddress: optionalText(64),
  ipAddress: z.union([z.ipv4(), z.ipv6()]).nullable().optional(),
  zoneCode: code,
  regCenterId: centerId.nullable().optional(),
  validityDateTime: z.iso.datetime({ offset: true }).nullable().optional(),
}

export const createMachineSchema = z.object({
  ...equipmentFields,
  machineSpecId: code,
  publicKey: optionalText(1024),
  signPublicKey: optionalText(1024),
  isActive: z.boolean().optional(),
})
export const updateMachineSchema = createMachineSchema
  .omit({ isActive: true })
  .partial()
  .extend({ id: machineId })

export const createDeviceSchema = z.object({
  ...equipmentFields,
  deviceSpecId: code,
  isActive: z.boolean().optional(),
})
export const updateDeviceSchema = createDeviceSchema
  .omit({ isActive: true })
  .partial()
  .extend({ id: deviceId })

export const createUserSchema = z.object({
  id: userId,
  name: text(64),
  statusCode: code.optional(),
  regCenterId: centerId.nullable().optional(),
  zoneCode: code,
  isActive: z.boolean().optional(),
})
export const updateUserSchema = createUserSchema
  .omit({ isActive: true })
  .partial()
  .extend({ id: userId })

const translatedNames = z
  .array(z.object({ langCode: langCode.exclude(['eng']), name: text(128) }))
  .max(2)
  .optional()

export const createZoneSchema = z.object({
  code,
  name: text(128),
  hierarchyLevelName: text(64),
  parentZoneCode: code.nullable().optional(),
  translations: translatedNames,
})

export const createLocationSchema = z.object({
  code,
  name: text(128),
  hierarchyLevel: z.number().int().min(0).max(20),
  hierarchyLevelName: text(64),
  parentLocCode: code.nullable().optional(),
  translations: translatedNames,
})

export const holidaySchema = z.object({
  registrationCenterId: centerId,
  holidayDate: z.iso.date(),
  holidayName: text(128),
  holidayReason: optionalText(256),
})

/** [{langCode, name}] as the services' { fra: name } translations. */
export function namesByLanguage(list: { langCode: string; name: string }[] | undefined) {
  return Object.fromEntries((list ?? []).map((item) => [item.langCode, item.name]))
}
