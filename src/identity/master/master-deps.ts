import type { Kysely } from 'kysely'
import type { StaffPrincipal, ZoneHierarchy } from '../../platform/auth/index.js'
import type { FieldCipher } from '../../platform/crypto/index.js'
import type { MasterEvents } from './master-change.js'
import type { MasterTables } from './master.tables.js'

/** What every master-data service stands on. */
export interface MasterDeps {
  readonly db: Kysely<MasterTables>
  readonly bus: MasterEvents
  readonly zones: ZoneHierarchy
  /** Encrypts the personal columns (personal-columns.ts); the platform's field cipher. */
  readonly cipher: FieldCipher
  /** The current time; tests fix it to check history and opening hours. */
  readonly clock: () => Date
}

/** The administrator acting: their username is recorded, their zones bound what they may change. */
export type Actor = Pick<StaffPrincipal, 'username' | 'zones'>

/** MOSIP's primary language: the row every multilingual record must have. */
export const primaryLanguage = 'eng'

/** Languages the app may add names in besides the primary one. */
export const languages = ['eng', 'fra', 'ara'] as const
export type LanguageCode = (typeof languages)[number]
