export {
  openDatabase,
  type Backend,
  type Database,
  type Db,
  type OpenDatabaseOptions,
} from './open-database.js'
export { migrate, MigrationError, type MigrationHistory } from './migrations.js'
export { DataDirInUseError, lockDataDir } from './data-dir-lock.js'
export { quoteIdentifier } from './quote-identifier.js'
export { copyTextRow, timestampText, type CopyValue } from './copy-text.js'
export type { CopyLoad } from './copy-in.js'
