import { sql } from 'kysely'
import type { Db } from '../platform/db/index.js'
import type { IdRepoKeyring } from '../identity/index.js'
import { reportCatalog, type ReportParamsInput, type ReportRow } from './report-catalog.js'
import {
  ageBandOf,
  ageBands,
  failedStatuses,
  finalStatuses,
  genderCodeOf,
} from './report-definitions.js'
import { daysInRange } from './report-params.js'

/**
 * A second, independent computation of the reports, in TypeScript over raw rows loaded once,
 * used to test the oracle's SQL. It shares only the catalog and the definitions' constants
 * with the oracle. uin-by-age-gender is computed from the decrypted identities (exact date of
 * birth and gender in idrepo.uin.uin_data), not from the anonymous profiles the SQL reads.
 */
export interface RawRegistration {
  workflow_instance_id: string
  reg_id: string
  process: string
  status_code: string
  is_deleted: boolean | null
  pkt_cr_dtimes: Date | null
  latest_trn_id: string | null
  latest_trn_dtimes: Date | null
}
export interface RawTransaction {
  id: string
  reg_id: string
  trn_type_code: string
  sub_status_code: string
  status_comment: string | null
  cr_dtimes: Date
}
export interface IssuedIdentity {
  createdAt: Date
  birthYear: number | null
  gender: string | null
}

export interface Facts {
  readonly registrations: RawRegistration[]
  readonly transactions: Map<string, RawTransaction>
  /** Transactions of a RID, oldest first (by cr_dtimes, then id). */
  readonly historyOf: Map<string, RawTransaction[]>
  readonly centerNames: Map<string, string>
  readonly issued: IssuedIdentity[]
}

export async function loadFacts(db: Db, keyring: IdRepoKeyring): Promise<Facts> {
  const registrations = (
    await sql<RawRegistration>`select workflow_instance_id, reg_id, process, status_code,
      is_deleted, pkt_cr_dtimes, latest_trn_id, latest_trn_dtimes
      from regprc.registration`.execute(db)
  ).rows.filter((r) => r.is_deleted !== true)
  const trns = (
    await sql<RawTransaction>`select id, reg_id, trn_type_code, sub_status_code,
      status_comment, cr_dtimes from regprc.registration_transaction`.execute(db)
  ).rows
  const historyOf = new Map<string, RawTransaction[]>()
  for (const t of trns) historyOf.set(t.reg_id, [...(historyOf.get(t.reg_id) ?? []), t])
  for (const list of historyOf.values())
    list.sort((a, b) => a.cr_dtimes.getTime() - b.cr_dtimes.getTime() || cmp(a.id, b.id))
  const centers = (
    await sql<{ id: string; name: string; lang_code: string }>`select id, name, lang_code
      from master.registration_center`.execute(db)
  ).rows
  const centerNames = new Map<string, string>()
  const rank = (lang: string) => (lang === 'eng' ? '' : lang)
  for (const c of [...centers].sort((a, b) => cmp(rank(b.lang_code), rank(a.lang_code))))
    centerNames.set(c.id, c.name)
  const crypto = await keyring.session()
  const uins = (
    await sql<{ uin_ref_id: string; uin_data: Uint8Array; cr_dtimes: Date }>`
      select uin_ref_id, uin_data, cr_dtimes from idrepo.uin`.execute(db)
  ).rows
  const issued: IssuedIdentity[] = []
  for (const row of uins) {
    const identity = await crypto.decryptIdentity(row.uin_data, row.uin_ref_id)
    const dob = typeof identity.dateOfBirth === 'string' ? identity.dateOfBirth : ''
    const gender = Array.isArray(identity.gender) ? identity.gender[0] : undefined
    issued.push({
      createdAt: row.cr_dtimes,
      birthYear: /^\d{4}\//.test(dob) ? Number(dob.slice(0, 4)) : null,
      gender: gender && typeof gender.value === 'string' ? gender.value : null,
    })
  }
  return {
    registrations,
    transactions: new Map(trns.map((t) => [t.id, t])),
    historyOf,
    centerNames,
    issued,
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
/** 'YYYY-MM-DD' of a UTC instant ('' for none: never a report day). */
const day = (d: Date | null): string => (d ? d.toISOString().slice(0, 10) : '')
const centerOf = (rid: string) => rid.slice(0, 5)
const hourMs = 3_600_000

export function daysOf(from: string, to: string): string[] {
  const start = Date.parse(`${from}T00:00:00Z`)
  return Array.from({ length: daysInRange(from, to) }, (_, i) =>
    day(new Date(start + i * 86_400_000)),
  )
}
const inRange = (d: string, from: string, to: string) => d !== '' && d >= from && d <= to
const atCenter = (r: RawRegistration, center: string | undefined) =>
  center === undefined || centerOf(r.reg_id) === center
const isFinal = (status: string) => (finalStatuses as readonly string[]).includes(status)
const isFailed = (status: string) => (failedStatuses as readonly string[]).includes(status)

function created(f: Facts, process: string, date: string, center?: string): number {
  return f.registrations.filter(
    (r) => r.process === process && day(r.pkt_cr_dtimes) === date && atCenter(r, center),
  ).length
}

export function registrationsPerDay(f: Facts, p: ReportParamsInput<'registrations-per-day'>) {
  return daysOf(p.from, p.to).map((date) => ({ date, count: created(f, 'NEW', date, p.center) }))
}

export function uinUpdates(f: Facts, p: ReportParamsInput<'uin-updates'>) {
  return daysOf(p.from, p.to).map((date) => ({
    date,
    update: created(f, 'UPDATE', date, p.center),
    res_update: created(f, 'RES_UPDATE', date, p.center),
  }))
}

export function registrationsByCenter(
  f: Facts,
  p: ReportParamsInput<'registrations-by-center'>,
): ReportRow<'registrations-by-center'>[] {
  const counts = new Map<string, number>()
  for (const r of f.registrations)
    if (day(r.pkt_cr_dtimes) === p.date && atCenter(r, p.center))
      counts.set(centerOf(r.reg_id), (counts.get(centerOf(r.reg_id)) ?? 0) + 1)
  return [...counts]
    .sort(([a], [b]) => cmp(a, b))
    .map(([center_id, count]) => ({
      center_id,
      center_name: f.centerNames.get(center_id) ?? null,
      count,
    }))
}

export function uinByAgeGender(f: Facts, p: ReportParamsInput<'uin-by-age-gender'>) {
  const counts = new Map<string, number>()
  for (const u of f.issued) {
    if (!inRange(day(u.createdAt), p.from, p.to)) continue
    const age = u.birthYear === null ? null : u.createdAt.getUTCFullYear() - u.birthYear
    const key = `${ageBandOf(age)}|${genderCodeOf(u.gender)}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  const bandIndex = (band: string) => (ageBands as readonly string[]).indexOf(band)
  return [...counts]
    .map(([key, count]) => {
      const [age_band = '', gender = ''] = key.split('|')
      return { age_band, gender, count }
    })
    .sort((a, b) => bandIndex(a.age_band) - bandIndex(b.age_band) || cmp(a.gender, b.gender))
}

/** Registrations whose status is one of `statuses` and became so on a day in the range. */
function endedIn(f: Facts, statuses: readonly string[], from: string, to: string, c?: string) {
  return f.registrations
    .filter(
      (r) =>
        statuses.includes(r.status_code) &&
        inRange(day(r.latest_trn_dtimes), from, to) &&
        atCenter(r, c),
    )
    .sort(
      (a, b) => cmp(day(a.latest_trn_dtimes), day(b.latest_trn_dtimes)) || cmp(a.reg_id, b.reg_id),
    )
}

export function centerApprovalEod(f: Facts, p: ReportParamsInput<'center-approval-eod'>) {
  const out = new Map<string, { center_id: string; approved: number; rejected: number }>()
  for (const r of endedIn(f, ['PROCESSED', 'REJECTED'], p.date, p.date, p.center)) {
    const id = centerOf(r.reg_id)
    const row = out.get(id) ?? { center_id: id, approved: 0, rejected: 0 }
    if (r.status_code === 'PROCESSED') row.approved += 1
    else row.rejected += 1
    out.set(id, row)
  }
  return [...out.values()].sort((a, b) => cmp(a.center_id, b.center_id))
}

export function centerRejections(f: Facts, p: ReportParamsInput<'center-rejections'>) {
  return endedIn(f, ['REJECTED'], p.from, p.to, p.center).map((r) => {
    const t = r.latest_trn_id ? f.transactions.get(r.latest_trn_id) : undefined
    return {
      reg_id: r.reg_id,
      date: day(r.latest_trn_dtimes),
      stage: t?.trn_type_code ?? null,
      reason_code: t?.sub_status_code ?? null,
      reason: t?.status_comment ?? null,
    }
  })
}

export function failedPackets(f: Facts, p: ReportParamsInput<'failed-packets'>) {
  return endedIn(f, failedStatuses, p.from, p.to, p.center).map((r) => {
    const t = r.latest_trn_id ? f.transactions.get(r.latest_trn_id) : undefined
    return {
      reg_id: r.reg_id,
      center_id: centerOf(r.reg_id),
      process: r.process,
      stage: t?.trn_type_code ?? null,
      sub_status_code: t?.sub_status_code ?? null,
      status_comment: t?.status_comment ?? null,
      date: day(r.latest_trn_dtimes),
    }
  })
}

export function stuckPackets(
  f: Facts,
  input: ReportParamsInput<'stuck-packets'>,
): ReportRow<'stuck-packets'>[] {
  const p = reportCatalog['stuck-packets'].params.parse(input)
  const end = Date.parse(`${p.date}T00:00:00Z`) + 24 * hourMs
  const rows: (ReportRow<'stuck-packets'> & { at: number })[] = []
  for (const r of f.registrations) {
    if (!atCenter(r, p.center)) continue
    const latest = r.latest_trn_dtimes?.getTime() ?? null
    const endedBefore = isFinal(r.status_code) && latest !== null && latest < end
    const last = (f.historyOf.get(r.reg_id) ?? []).filter((t) => t.cr_dtimes.getTime() < end).at(-1)
    if (!endedBefore && last && end - last.cr_dtimes.getTime() >= p.thresholdHours * hourMs) {
      const status = latest !== null && latest < end ? r.status_code : 'PROCESSING'
      rows.push(stuckRow(r, last, status, last.cr_dtimes, end))
    }
    if (isFailed(r.status_code) && day(r.latest_trn_dtimes) === p.date) {
      const t = r.latest_trn_id ? f.transactions.get(r.latest_trn_id) : undefined
      if (r.latest_trn_dtimes) rows.push(stuckRow(r, t, r.status_code, r.latest_trn_dtimes, end))
    }
  }
  return rows
    .sort((a, b) => a.at - b.at || cmp(a.reg_id, b.reg_id))
    .map(({ at: _at, ...row }) => row)
}

function stuckRow(
  r: RawRegistration,
  t: RawTransaction | undefined,
  status: string,
  since: Date,
  end: number,
) {
  return {
    reg_id: r.reg_id,
    process: r.process,
    stage: t?.trn_type_code ?? null,
    status,
    since: since.toISOString(),
    hours: Math.floor((end - since.getTime()) / hourMs),
    at: since.getTime(),
  }
}

export function packetProcessingStats(
  f: Facts,
  input: ReportParamsInput<'packet-processing-stats'>,
) {
  const p = reportCatalog['packet-processing-stats'].params.parse(input)
  return daysOf(p.from, p.to).map((date) => {
    const stuck = stuckPackets(f, { date, center: p.center, thresholdHours: p.thresholdHours })
    return {
      date,
      new: created(f, 'NEW', date, p.center),
      update: created(f, 'UPDATE', date, p.center),
      lost: created(f, 'LOST', date, p.center),
      res_update: created(f, 'RES_UPDATE', date, p.center),
      res_reprint: created(f, 'RES_REPRINT', date, p.center),
      stuck: stuck.filter((row) => !isFailed(row.status)).length,
      failed: stuck.filter((row) => isFailed(row.status)).length,
    }
  })
}
