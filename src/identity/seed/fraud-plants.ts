import type { Center, Operator } from './country-model.js'
import type { DayPlan } from './day-plan.js'
import { writeIdentity } from './identity-rows.js'
import { abroadIp, addPreregistration, homeIp } from './prereg-rows.js'
import { centerPacket, timeOnDay } from './resident-life.js'
import { identityOf, type Resident } from './resident.js'
import { newResident, plant, type SeedContext } from './seed-context.js'

const activeOfficer = (
  center: Center,
  day: DayPlan,
): { officer: Operator; kiosk: number } | undefined => {
  const kiosk = center.officers.findIndex((o) => !o.disabledFrom || o.disabledFrom > day.date)
  const officer = center.officers[kiosk]
  return officer ? { officer, kiosk } : undefined
}

/** One of the centers open that day, if any (planted days may fall on a closed day). */
const pickOpen = (context: SeedContext, day: DayPlan): Center | undefined =>
  day.open.length > 0 ? context.prng.pick(day.open) : undefined

/** Days after `from` (or any) on which some center opens. */
const openDays = (context: SeedContext, from = 0) =>
  context.days.filter((d) => d.index >= from && d.open.length > 0)

const impostorPlanted = new WeakSet<SeedContext>()

/** Someone registering, after a death, as the dead person (same name and birth date). */
export function plantDeceasedImpostor(
  context: SeedContext,
  deathDay: number,
  dead: Resident,
  deadRid: string,
  deadUinRefId: string,
  deathAt: Date,
): void {
  const { prng } = context
  const remaining = context.days.length - deathDay - 1
  if (remaining < 1) return
  // The first death always gets an impostor, so every country has the pattern; then one in four.
  if (impostorPlanted.has(context) && !prng.chance(0.25)) return
  impostorPlanted.add(context)
  const impostor = async (ctx: SeedContext, day: DayPlan): Promise<void> => {
    const center = pickOpen(ctx, day)
    const staff = center && activeOfficer(center, day)
    // A closed day: the impostor comes back the next day.
    if (!center || !staff) return plant(ctx, day.index + 1, impostor)
    const approved = ctx.prng.chance(0.4)
    const capture = { center, ...staff, at: timeOnDay(ctx, day, center) }
    const { packet, written } = centerPacket(ctx, capture, 'NEW', dead, {
      outcome: approved ? 'demo-match-approved' : 'demo-match-rejected',
      introducerInvalid: false,
      matchedRid: deadRid,
    })
    ctx.truth('deceased-registered', packet.rid, 'REGISTRATION_ID', {
      deceasedRid: deadRid,
      deceasedUinRefId: deadUinRefId,
      deathAt: deathAt.toISOString(),
      approvedByAdjudicator: approved,
    })
    if (!written.issuedAt) return
    await writeIdentity(ctx.sink, ctx.crypto, {
      uinRefId: ctx.prng.uuid(),
      uin: ctx.ids.uin(),
      rid: packet.rid,
      identity: identityOf(dead),
      createdAt: written.issuedAt,
      langCode: dead.language,
      changes: [],
      documents: [],
      vid: null,
      profileId: ctx.prng.uuid(),
    })
  }
  plant(context, deathDay + prng.int(1, Math.min(40, remaining)), impostor)
}

/** Plants the packet-level fraud attempts and labels the master-data anomalies. */
export function plantFraud(context: SeedContext): void {
  const { prng, options, country } = context
  const scale = (rate: number, min: number) => Math.max(min, Math.round(options.residents * rate))
  const days = openDays(context)
  for (let i = 0; i < scale(0.001, 2) && days.length > 0; i++) {
    plant(context, prng.pick(days).index, (ctx, day) => {
      const center = pickOpen(ctx, day)
      const staff = center && activeOfficer(center, day)
      if (!center || !staff) return
      const late = ctx.prng.chance(0.7)
      const local = late
        ? center.endMinute + ctx.prng.int(30, 240)
        : center.startMinute - ctx.prng.int(60, 150)
      const at = new Date(day.date.getTime() + (local - center.utcOffsetMinutes) * 60_000)
      const resident = newResident(ctx, at)
      const { packet } = centerPacket(ctx, { center, ...staff, at }, 'NEW', resident, {
        blockedAt: {
          stage: 'c-m-d-validator',
          sub: 'PACKET_CREATION_WORKING_HOURS',
          suffix: center.id,
        },
      })
      ctx.truth('outside-working-hours', packet.rid, 'REGISTRATION_ID', {
        centerId: center.id,
        localMinute: local,
      })
    })
  }
  for (let i = 0; i < scale(0.0005, 2) && days.length > 0; i++) {
    plant(context, prng.pick(days).index, (ctx, day) => {
      const center = pickOpen(ctx, day)
      const staff = center && activeOfficer(center, day)
      if (!center || !staff) return
      const at = timeOnDay(ctx, day, center)
      let child = newResident(ctx, at)
      while (child.ageYears >= 18) child = newResident(ctx, at)
      const { packet } = centerPacket(ctx, { center, ...staff, at }, 'NEW', child, {
        introducerInvalid: true,
      })
      ctx.truth('child-invalid-introducer', packet.rid, 'REGISTRATION_ID', {
        introducer: 'operator',
        officerId: staff.officer.id,
      })
    })
  }
  for (const center of country.centers) {
    if (center.lifecycle === 'decommissioned' && center.closedFrom) {
      const after = context.days.filter(
        (d) => d.date >= (center.closedFrom ?? d.date) && d.date.getUTCDay() % 6 !== 0,
      )
      for (let i = 0; i < prng.int(1, 3) && after.length > 0; i++)
        plant(context, prng.pick(after).index, (ctx, day) =>
          attempt(ctx, day, center, 0, 'decommissioned-center-attempt'),
        )
    }
    center.officers.forEach((officer, kiosk) => {
      if (officer.slowness > 3)
        context.truth('slow-operator', officer.id, 'USER_ID', {
          centerId: center.id,
          slowness: Number(officer.slowness.toFixed(2)),
          perKioskMinutes: center.perKioskMinutes,
        })
      if (!officer.disabledFrom) return
      const after = context.days.filter(
        (d) => officer.disabledFrom && d.date > officer.disabledFrom && d.open.includes(center),
      )
      for (let i = 0; i < prng.int(1, 3) && after.length > 0; i++)
        plant(context, prng.pick(after).index, (c, day) =>
          attempt(c, day, center, kiosk, 'disabled-operator-attempt'),
        )
    })
    if (center.adjudicationHeavy)
      context.truth('frequent-manual-adjudication', center.id, 'CENTER_ID', { matchRateFactor: 8 })
  }
  plantPreregFraud(context)
  const groups = scale(1 / 5_000, 1)
  for (let i = 0; i < groups; i++)
    context.fakeDocuments.push({ hash: prng.digits(64), uinRefIds: [] })
}

/** A packet by a disabled officer or at a decommissioned center: MOSIP refuses it at CMD/OVM. */
function attempt(
  context: SeedContext,
  day: DayPlan,
  center: Center,
  kiosk: number,
  pattern: 'decommissioned-center-attempt' | 'disabled-operator-attempt',
) {
  const officer = center.officers[kiosk]
  if (!officer) return
  const at = timeOnDay(context, day, center)
  const resident = newResident(context, at)
  const blockedAt =
    pattern === 'decommissioned-center-attempt'
      ? { stage: 'c-m-d-validator' as const, sub: 'CENTER_ID_INACTIVE' as const, suffix: center.id }
      : {
          stage: 'operator-validator' as const,
          sub: 'OFFICER_WAS_INACTIVE' as const,
          suffix: officer.id,
        }
  const { packet } = centerPacket(context, { center, kiosk, officer, at }, 'NEW', resident, {
    blockedAt,
  })
  context.truth(pattern, packet.rid, 'REGISTRATION_ID', {
    centerId: center.id,
    officerId: officer.id,
  })
}

/** Hosts that pre-register dozens of applicants in a few days, and one certain booking from abroad. */
function plantPreregFraud(context: SeedContext): void {
  const { prng } = context
  const days = openDays(context)
  const hosts = Math.max(1, Math.round(context.options.residents / 20_000))
  // Booked on the portal over three days (any day: booking does not need an open center).
  const span = Math.min(3, context.days.length)
  const centers = context.country.centers.filter((center) => center.lifecycle === 'active')
  for (let h = 0; h < hosts && centers.length > 0; h++) {
    const ip = homeIp(prng)
    const first = prng.int(0, context.days.length - span)
    const ids: string[] = []
    const count = prng.int(25, 45)
    for (let i = 0; i < count; i++) {
      plant(context, first + (i % span), (c, day) => {
        const center = c.prng.pick(centers)
        const at = timeOnDay(c, day, null)
        ids.push(
          addPreregistration(c, {
            center,
            appointmentAt: new Date(at.getTime() + 7 * 86_400_000),
            status: c.prng.chance(0.5) ? 'Booked' : 'Expired',
            host: { ip, country: 'XM' },
            bookedAt: at,
          }),
        )
        if (ids.length === count)
          c.truth('prereg-many-from-one-host', ip, 'HOST_IP', {
            preRegistrations: ids.length,
            preRegistrationIds: ids,
          })
      })
    }
  }
  const day = days[0]
  if (day) {
    plant(context, day.index, (c, d) => {
      const center = d.open[0]
      if (!center) return
      const host = { ip: abroadIp(c.prng), country: 'FR' }
      const id = addPreregistration(c, {
        center,
        appointmentAt: timeOnDay(c, d, center),
        status: 'Consumed',
        host,
      })
      c.truth('prereg-from-abroad', id, 'PRE_REGISTRATION_ID', {
        sourceCountry: host.country,
        sourceIp: host.ip,
      })
    })
  }
}
