export { masterPart } from './master.part.js'
export { masterHistory } from './master.migrations.js'
export { MasterDataService, type MasterDataOptions } from './master-data.service.js'
export type { OpeningDecision, OpeningStatus } from './center-hours.js'
export type { OfficerStatus } from './operator.service.js'
export { masterErrors, type MasterKind } from './errors.js'
export { encryptOperatorName, withOperatorName } from './personal-columns.js'
export type {
  MasterTables,
  CenterRow,
  MachineRow,
  DeviceRow,
  UserDetailRow,
} from './master.tables.js'
