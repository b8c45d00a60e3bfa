import { AppError } from '../../platform/errors.js'

/** What a master-data record is, in error messages and event topics. */
export type MasterKind = 'center' | 'machine' | 'device' | 'user'

const labels: Record<MasterKind, string> = {
  center: 'Registration Center',
  machine: 'Machine',
  device: 'Device',
  user: 'User',
}

/**
 * Master data errors. KER-MSD codes are MOSIP's (admin-services RegistrationCenterErrorCode);
 * MOS-MSD codes are Mosaic's where MOSIP has none. Messages carry codes and ids, never names.
 */
export const masterErrors = {
  centerNotFound: (id: string) =>
    new AppError({
      code: 'KER-MSD-042',
      status: 404,
      message: `Registration Center ${id} not found`,
    }),
  notFound: (kind: MasterKind, id: string) =>
    kind === 'center'
      ? masterErrors.centerNotFound(id)
      : new AppError({
          code: 'MOS-MSD-404',
          status: 404,
          message: `${labels[kind]} ${id} not found`,
        }),
  zoneNotFound: (code: string) =>
    new AppError({
      code: 'KER-MSD-340',
      status: 400,
      message: `Zone ${code} doesn't exist`,
      action: 'Create the zone first, or use an existing zone code.',
    }),
  locationNotFound: (code: string) =>
    new AppError({
      code: 'KER-MSD-320',
      status: 400,
      message: `No Location found for value ${code}`,
    }),
  centerTypeNotFound: (code: string) =>
    new AppError({
      code: 'KER-MSD-321',
      status: 400,
      message: `No Registration Center type found for value ${code}`,
    }),
  startAfterEnd: () =>
    new AppError({
      code: 'KER-MSD-309',
      status: 400,
      message: 'Center Start Time must be smaller than Center End Time',
    }),
  lunchStartAfterEnd: () =>
    new AppError({
      code: 'KER-MSD-308',
      status: 400,
      message: 'Center Lunch Start Time must be smaller than Center Lunch End Time',
    }),
  alreadyActive: (kind: MasterKind, id: string) =>
    new AppError({
      code: kind === 'center' ? 'KER-MSD-379' : 'MOS-MSD-379',
      status: 409,
      message: `${labels[kind]} ${id} is already Active`,
    }),
  alreadyInactive: (kind: MasterKind, id: string) =>
    new AppError({
      code: kind === 'center' ? 'KER-MSD-380' : 'MOS-MSD-380',
      status: 409,
      message: `${labels[kind]} ${id} is already Inactive`,
    }),
  mappedDevices: () =>
    new AppError({
      code: 'KER-MSD-350',
      status: 409,
      message:
        'Cannot Decommission the Registration Center, as some devices are mapped to the Registration Center',
      action: 'Decommission or move the devices first.',
    }),
  mappedMachines: () =>
    new AppError({
      code: 'KER-MSD-351',
      status: 409,
      message:
        'Cannot Decommission the Registration Center, as some machines are mapped to the Registration Center',
      action: 'Decommission or move the machines first.',
    }),
  mappedUsers: () =>
    new AppError({
      code: 'KER-MSD-352',
      status: 409,
      message:
        'Cannot Decommission the Registration Center, as some users are mapped to the Registration Center',
      action: 'Decommission or move the users first.',
    }),
  invalidCenterIdLength: () =>
    new AppError({
      code: 'KER-MSD-353',
      status: 400,
      message: 'Center ID specified for decommission has invalid length',
    }),
  outsideZone: (kind: MasterKind | 'zone') =>
    new AppError({
      code: kind === 'center' ? 'KER-MSD-441' : 'MOS-MSD-441',
      status: 403,
      message:
        kind === 'center'
          ? 'Admin not authorized to access this Registration Center for this Zone'
          : 'Admin not authorized to act in this zone',
      action: 'Ask an administrator whose zones include it.',
    }),
  alreadyDecommissioned: (kind: MasterKind, id: string) =>
    new AppError({
      code: kind === 'center' ? 'KER-MSD-442' : 'MOS-MSD-442',
      status: 409,
      message: `${labels[kind]} ${id} has been already decommissioned`,
    }),
  decommissioned: (kind: MasterKind, id: string) =>
    new AppError({
      code: 'MOS-MSD-410',
      status: 409,
      message: `${labels[kind]} ${id} is decommissioned and cannot be changed`,
    }),
  duplicate: (what: string, id: string) =>
    new AppError({ code: 'MOS-MSD-409', status: 409, message: `${what} ${id} already exists` }),
  unknownReference: (what: string, value: string) =>
    new AppError({ code: 'MOS-MSD-400', status: 400, message: `Unknown ${what}: ${value}` }),
  personalDataUnreadable: (what: string, id: string, cause: unknown) =>
    new AppError({
      code: 'MOS-MSD-500',
      status: 500,
      message: `Failed to decrypt the ${what} of record ${id}: the stored value was altered or belongs to another record`,
      action:
        'Restore the record from backup; if many records fail, check the master key and key store.',
      cause,
    }),
  invalidTimeZone: (value: string) =>
    new AppError({
      code: 'MOS-MSD-401',
      status: 400,
      message: `Unknown time zone: ${value}`,
      action: 'Use an IANA zone name (Africa/Casablanca) or a fixed offset such as (GMT+01:00).',
    }),
}
