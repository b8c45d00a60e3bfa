import type { Kysely } from 'kysely'
import {
  centerCommonOf,
  centerTextsOf,
  commonColumns,
  textColumns,
  updateCenterTexts,
} from './center-columns.js'
import { staffCoversZone } from '../../platform/auth/index.js'
import { dayCodeOf, localTimeAt, parseCenterTimeZone, secondsOf } from './center-clock.js'
import {
  centerHolidays,
  isHoliday,
  isWorkingDay,
  replaceWorkingDays,
  upsertCenterHoliday,
  workingDaysOf,
} from './center-calendar.repository.js'
import { decideOpening, type OpeningDecision } from './center-hours.js'
import { type CenterFilter, findCenter, listCenters, nextCenterId } from './center.repository.js'
import { masterErrors } from './errors.js'
import { recordMasterChange } from './master-change.js'
import { type Actor, type LanguageCode, type MasterDeps, primaryLanguage } from './master-deps.js'
import type { CenterRow, MasterTables } from './master.tables.js'
import { findLocation } from './location.repository.js'
import { encryptContactPerson, withContactPerson } from './personal-columns.js'
import { created } from './places.service.js'
import { activeInHistoryAt, writeHistory } from './record-history.js'
import { findZone, zonesUnder } from './zone.repository.js'

/** Fields that have one value per language. */
export interface CenterTexts {
  name: string
  addrLine1?: string | null
  addrLine2?: string | null
  addrLine3?: string | null
  contactPerson?: string | null
}

/** Fields shared by every language row of a center. */
export interface CenterCommon {
  centerTypeCode: string
  locationCode: string
  zoneCode: string
  latitude?: string | null
  longitude?: string | null
  contactPhone?: string | null
  numberOfKiosks?: number | null
  workingHours?: string | null
  perKioskProcessTime?: string | null
  centerStartTime?: string | null
  centerEndTime?: string | null
  lunchStartTime?: string | null
  lunchEndTime?: string | null
  timeZone?: string | null
  holidayLocationCode?: string | null
}

export interface NewCenter extends CenterCommon, CenterTexts {
  /** Working day codes (101 = Sunday ... 107 = Saturday); omitted = the country's defaults. */
  workingDays?: string[]
  /** MOSIP creates centers inactive until an administrator activates them. */
  isActive?: boolean
  translations?: Partial<Record<Exclude<LanguageCode, 'eng'>, CenterTexts>>
}

export type CenterChanges = Partial<NewCenter>

/** Registration centers: MOSIP's multilingual rows, their history, hours, days and holidays. */
export class CenterService {
  constructor(private readonly deps: MasterDeps) {}

  /** The center in one language, its contact person decrypted (for administrators). */
  async get(id: string, langCode: string = primaryLanguage): Promise<CenterRow> {
    const center = await findCenter(this.deps.db, id, langCode)
    if (!center) throw masterErrors.centerNotFound(id)
    return withContactPerson(this.deps.cipher, center)
  }

  /** A page of the centers in the reader's zones (and in `zoneCode`, when given). */
  async list(
    reader: Pick<Actor, 'zones'>,
    filter: Omit<CenterFilter, 'zoneCodes'> & { zoneCode?: string | undefined },
  ) {
    const { zoneCode, ...rest } = filter
    const scope = reader.zones.includes('*')
      ? undefined
      : await zonesUnder(this.deps.db, reader.zones)
    const zoneCodes = zoneCode ? (!scope || scope.includes(zoneCode) ? [zoneCode] : []) : scope
    const page = await listCenters(this.deps.db, { ...rest, ...(zoneCodes && { zoneCodes }) })
    const rows = await Promise.all(page.rows.map((row) => withContactPerson(this.deps.cipher, row)))
    return { rows, total: page.total }
  }

  async create(actor: Actor, input: NewCenter): Promise<CenterRow> {
    const { db, bus, clock } = this.deps
    await this.#validate(actor, input)
    // The id comes first (a sequence never rolls back anyway): contact people are encrypted
    // under it, outside the transaction, as the key store reads through the shared handle.
    const id = await nextCenterId(db)
    const texts = [
      [primaryLanguage, await this.#sealTexts(id, primaryLanguage, input)],
      ...(await Promise.all(
        Object.entries(input.translations ?? {}).map(
          async ([lang, item]) => [lang, await this.#sealTexts(id, lang, item)] as const,
        ),
      )),
    ] as const
    const now = clock()
    await db.transaction().execute(async (trx) => {
      const common = {
        id,
        ...commonColumns(input),
        is_active: input.isActive ?? false,
        ...created(actor, now),
      }
      const rows: CenterRow[] = texts.map(([lang, item]) => ({
        ...common,
        ...textColumns(item),
        lang_code: lang,
      }))
      await trx.insertInto('master.registration_center').values(rows).execute()
      if (input.workingDays)
        await replaceWorkingDays(trx, id, input.workingDays, actor.username, now)
      await writeHistory(trx, 'center', id, now)
      await recordMasterChange(trx, bus, actor.username, {
        kind: 'center',
        action: 'created',
        id,
        zoneCode: input.zoneCode,
      })
    })
    return this.get(id)
  }

  /** Changes common fields on every language row and texts on their own rows (added if new). */
  async update(actor: Actor, id: string, changes: CenterChanges): Promise<CenterRow> {
    const { db, bus, clock } = this.deps
    const current = await this.#changeable(actor, id)
    const merged: NewCenter = { ...centerCommonOf(current), ...centerTextsOf(current), ...changes }
    await this.#validate(actor, merged)
    const primaryTexts = await this.#sealTexts(id, primaryLanguage, merged)
    const translations = await Promise.all(
      Object.entries(changes.translations ?? {}).map(
        async ([lang, item]) => [lang, await this.#sealTexts(id, lang, item)] as const,
      ),
    )
    const now = clock()
    const stamp = { upd_by: actor.username, upd_dtimes: now }
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('master.registration_center')
        .set({ ...commonColumns(merged), ...stamp })
        .where('id', '=', id)
        .execute()
      await updateCenterTexts(trx, current, primaryLanguage, primaryTexts, stamp)
      for (const [lang, texts] of translations)
        await updateCenterTexts(trx, current, lang, texts, stamp)
      if (changes.workingDays)
        await replaceWorkingDays(trx, id, changes.workingDays, actor.username, now)
      await writeHistory(trx, 'center', id, now)
      await recordMasterChange(trx, bus, actor.username, {
        kind: 'center',
        action: 'updated',
        id,
        zoneCode: merged.zoneCode,
      })
    })
    return this.get(id)
  }

  workingDays(id: string) {
    return workingDaysOf(this.deps.db, id)
  }

  holidays(id: string) {
    return centerHolidays(this.deps.db, id)
  }

  async addHoliday(
    actor: Actor,
    id: string,
    holiday: { date: string; name: string; reason?: string | null },
  ): Promise<void> {
    const { db, bus, clock } = this.deps
    const center = await this.#changeable(actor, id)
    await db.transaction().execute(async (trx) => {
      await upsertCenterHoliday(
        trx,
        { centerId: id, date: holiday.date, name: holiday.name, reason: holiday.reason ?? null },
        actor.username,
        clock(),
      )
      await recordMasterChange(trx, bus, actor.username, {
        kind: 'holiday',
        action: 'created',
        id,
        zoneCode: center.zone_code,
      })
    })
  }

  /**
   * Whether the center was open at `instant`, on its own clock: active, a working day, not a
   * holiday, within [start, end) and not in [lunch start, lunch end).
   */
  async isOpenAt(id: string, instant: Date): Promise<OpeningDecision> {
    const { db } = this.deps
    const center = await findCenter(db, id)
    if (!center) return { open: false, status: 'NOT_FOUND' }
    // Active then, by its history (a center closed since was open for packets made before);
    // for an instant before its first version, its present state (what-if questions).
    const active =
      (await activeInHistoryAt(db, 'center', id, instant)) ??
      (center.is_active && !center.is_deleted)
    if (!active) return { open: false, status: 'INACTIVE' }
    const zone = parseCenterTimeZone(center.time_zone) ?? { kind: 'offset', minutes: 0 }
    const local = localTimeAt(instant, zone)
    const [workingDay, holiday] = await Promise.all([
      isWorkingDay(db, id, dayCodeOf(local.weekday)),
      isHoliday(db, id, center.holiday_loc_code, local.date),
    ])
    return decideOpening(center, local, { workingDay, holiday })
  }

  /** A language row's texts as stored: the contact person encrypted under (center, language). */
  async #sealTexts<T extends Partial<CenterTexts>>(id: string, lang: string, texts: T): Promise<T> {
    if (typeof texts.contactPerson !== 'string') return texts
    const contactPerson = await encryptContactPerson(
      this.deps.cipher,
      id,
      lang,
      texts.contactPerson,
    )
    return { ...texts, contactPerson }
  }

  async #changeable(actor: Actor, id: string): Promise<CenterRow> {
    const center = await this.get(id)
    if (!(await staffCoversZone(actor, center.zone_code, this.deps.zones)))
      throw masterErrors.outsideZone('center')
    if (center.is_deleted) throw masterErrors.decommissioned('center', id)
    return center
  }

  async #validate(actor: Actor, input: NewCenter): Promise<void> {
    const { db, zones } = this.deps
    if (!(await findZone(db, input.zoneCode))) throw masterErrors.zoneNotFound(input.zoneCode)
    if (!(await staffCoversZone(actor, input.zoneCode, zones)))
      throw masterErrors.outsideZone('center')
    if (!(await findLocation(db, input.locationCode)))
      throw masterErrors.locationNotFound(input.locationCode)
    if (!(await centerTypeExists(db, input.centerTypeCode)))
      throw masterErrors.centerTypeNotFound(input.centerTypeCode)
    if (input.timeZone && !parseCenterTimeZone(input.timeZone))
      throw masterErrors.invalidTimeZone(input.timeZone)
    if (before(input.centerEndTime, input.centerStartTime, true)) throw masterErrors.startAfterEnd()
    if (before(input.lunchEndTime, input.lunchStartTime, true))
      throw masterErrors.lunchStartAfterEnd()
  }
}

/** Whether `a` comes before `b` (or equals it, when `orEqual`); false when either is missing. */
function before(a: string | null | undefined, b: string | null | undefined, orEqual: boolean) {
  if (!a || !b) return false
  return orEqual ? secondsOf(a) <= secondsOf(b) : secondsOf(a) < secondsOf(b)
}

async function centerTypeExists(db: Kysely<MasterTables>, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('master.reg_center_type')
    .select('code')
    .where('code', '=', code)
    .where('is_active', '=', true)
    .executeTakeFirst()
  return row !== undefined
}
