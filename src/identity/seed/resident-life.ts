import type { SyncType } from '../regprc/index.js'
import { writeAuthentications } from './auth-rows.js'
import type { Center, Operator } from './country-model.js'
import type { DayPlan } from './day-plan.js'
import { writeIdentity, type IdentityLife } from './identity-rows.js'
import { heavyCenterMatchFactor, introducerFailureRate, outcomeTable } from './outcome-rates.js'
import { addPreregistration } from './prereg-rows.js'
import { writePacket, type Packet } from './registration-rows.js'
import { ageGroupOf, identityOf, type Resident } from './resident.js'
import { newResident, type SeedContext } from './seed-context.js'
import { planWorkflow, type PlanInput } from './workflow-plan.js'
import { plantDeceasedImpostor } from './fraud-plants.js'

/** Follow-up requests per resident with a UIN, over the window (documented in docs/identity.md). */
export const followUpRates: readonly (readonly [SyncType, number])[] = [
  ['UPDATE', 0.05],
  ['LOST', 0.02],
  ['RES_UPDATE', 0.04],
  ['RES_REPRINT', 0.03],
  ['DEACTIVATED', 0.012],
]
/** Share of NEW registrations that came with a pre-registration appointment. */
export const preregisteredRate = 0.4
const supervisorRate = 0.7
const documentsOf = ['POI', 'POA'] as const

/** Uniform time in a center's opening hours (lunch excluded), or any waking hour for the portal. */
export function timeOnDay(context: SeedContext, day: DayPlan, center: Center | null): Date {
  const { prng } = context
  if (!center) return new Date(day.date.getTime() + (prng.int(6 * 60, 23 * 60) - 60) * 60_000)
  let minute = prng.int(center.startMinute, center.endMinute - 61)
  if (minute >= center.lunchStartMinute) minute += 60
  return new Date(day.date.getTime() + (minute - center.utcOffsetMinutes) * 60_000)
}

export interface Capture {
  readonly center: Center
  readonly kiosk: number
  readonly officer: Operator
  readonly at: Date
}

/** Plans and writes a center packet of `type`; returns what was written. */
export function centerPacket(
  context: SeedContext,
  capture: Capture,
  type: SyncType,
  resident: Resident,
  overrides: Partial<PlanInput> & { refRid?: string | null; matchedRid?: string } = {},
) {
  const { prng, options } = context
  const { center, officer, at } = capture
  const machine = center.machines[capture.kiosk] ?? center.machines[0]
  const ageGroup = ageGroupOf(resident.ageYears)
  const matchFactor = center.adjudicationHeavy ? heavyCenterMatchFactor : 1
  const input: PlanInput = {
    type,
    outcome: prng.weighted(outcomeTable(type, matchFactor)),
    ageGroup,
    hasSupervisor: prng.chance(supervisorRate),
    introducerInvalid: ageGroup !== 'ADULT' && prng.chance(introducerFailureRate),
    delay: (min, max) => prng.int(min, max),
    ...overrides,
  }
  const plan = planWorkflow(input)
  const packet: Packet = {
    rid: context.nextRid(center.id, machine?.id ?? '10000', at),
    type,
    createdAt: at,
    source: 'REGISTRATION_CLIENT',
    officerId: officer.id,
    centerId: center.id,
    refRid: overrides.refRid ?? null,
    applicantType: ageGroup,
    ...(overrides.matchedRid && { matchedRid: overrides.matchedRid }),
  }
  // Clients sync at once or at the end of the day, when the network allows.
  const upload = prng.chance(0.6) ? prng.int(30, 900) : prng.int(3_600, 8 * 3_600)
  return {
    packet,
    plan,
    written: writePacket(context.sink, prng, packet, plan, options.until, upload),
  }
}

/**
 * One resident's life in the window: the NEW registration at a kiosk, and if it produced a
 * UIN, the identity in the repository and the later requests (updates, lost cards, reprints,
 * deactivation on death) with their own packets. Written at once, so nothing is held back.
 */
export async function registerResident(
  context: SeedContext,
  day: DayPlan,
  capture: Capture,
): Promise<void> {
  const { prng } = context
  const resident = newResident(context, capture.at)
  const child = resident.ageYears < 18
  const introducer = child ? context.lastAdultRid : null
  const { packet, written } = centerPacket(context, capture, 'NEW', resident)
  if (prng.chance(preregisteredRate))
    addPreregistration(context, {
      center: capture.center,
      appointmentAt: capture.at,
      status: 'Consumed',
    })
  if (!written.issuedAt) return
  if (!child) context.lastAdultRid = packet.rid
  const uinRefId = prng.uuid()
  const identity = identityOf(resident, introducer ?? undefined)
  const changes: IdentityLife['changes'][number][] = []
  let lastDay = day.index
  // A type not asked for yet is owed to the next resident who can ask, so that even a small
  // country has every registration type; at scale that changes one resident in a million.
  const owed = (type: SyncType) => !context.followUpsMade.has(type)
  for (const [type, rate] of followUpRates) {
    if (!prng.chance(rate) && !owed(type)) continue
    const remaining = context.days.length - lastDay - 1
    if (remaining < 1) break
    const followDay = context.days[lastDay + prng.int(1, Math.min(remaining, 120))]
    if (!followDay) break
    context.followUpsMade.add(type)
    const change = followUp(context, followDay, capture, type, resident, packet.rid)
    if (!change) continue
    lastDay = followDay.index
    changes.push(change)
    if (type === 'DEACTIVATED') {
      // One deactivation in five was a mistake, reactivated later; the rest report a death.
      const daysLeft = context.days.length - lastDay - 1
      const againDay =
        daysLeft > 0 ? context.days[lastDay + prng.int(1, Math.min(30, daysLeft))] : undefined
      const again = (prng.chance(0.2) || owed('ACTIVATED')) && againDay
      if (!again) {
        plantDeceasedImpostor(context, followDay.index, resident, packet.rid, uinRefId, change.at)
        break
      }
      context.followUpsMade.add('ACTIVATED')
      const reactivated = followUp(context, againDay, capture, 'ACTIVATED', resident, packet.rid)
      if (reactivated) {
        changes.push(reactivated)
        lastDay = againDay.index
      }
    }
  }
  // Sized to fill every group of four well before the window ends, even in a small country.
  const fakeRate = Math.min(0.05, (12 * context.fakeDocuments.length) / context.options.residents)
  const fake = prng.chance(fakeRate)
    ? context.fakeDocuments.find((doc) => doc.uinRefIds.length < 4)
    : undefined
  if (fake) fake.uinRefIds.push(uinRefId)
  const uin = context.ids.uin()
  const vid = prng.chance(0.3) ? { id: prng.uuid(), vid: context.ids.vid() } : null
  await writeIdentity(context.sink, context.crypto, {
    uinRefId,
    uin,
    rid: packet.rid,
    identity,
    createdAt: written.issuedAt,
    langCode: resident.language,
    changes,
    documents: documentsOf.map((category) => ({
      category,
      type: category === 'POI' ? 'CIN' : 'RNC',
      hash: category === 'POA' && fake ? fake.hash : prng.digits(64),
    })),
    vid,
    profileId: prng.uuid(),
  })
  if (context.auth) {
    const deactivated = changes.find((change) => change.status === 'DEACTIVATED')
    const until = deactivated?.at ?? context.options.until
    await writeAuthentications(
      context.sink,
      prng,
      context.auth,
      { uin, vid: vid?.vid ?? null, uinRefId },
      written.issuedAt,
      until,
    )
  }
}

/** A later request about the resident; the repository change it made, if processed in time. */
function followUp(
  context: SeedContext,
  day: DayPlan,
  home: Capture,
  type: SyncType,
  resident: Resident,
  originalRid: string,
): IdentityLife['changes'][number] | undefined {
  const { prng } = context
  // Portal requests and (de)activations by the administration carry the virtual center's RID.
  const portal = type !== 'UPDATE' && type !== 'LOST'
  let result: ReturnType<typeof centerPacket>
  if (portal) {
    const virtual = context.country.virtualCenter
    const at = timeOnDay(context, day, null)
    const plan = planWorkflow({
      type,
      outcome: prng.weighted(outcomeTable(type)),
      ageGroup: ageGroupOf(resident.ageYears),
      hasSupervisor: false,
      introducerInvalid: false,
      delay: (min, max) => prng.int(min, max),
    })
    const packet: Packet = {
      rid: context.nextRid(virtual.id, virtual.machineId, at),
      type,
      createdAt: at,
      source: type === 'RES_UPDATE' || type === 'RES_REPRINT' ? 'RESIDENT' : 'REGISTRATION_CLIENT',
      officerId: null,
      centerId: virtual.id,
      refRid: originalRid,
      applicantType: null,
    }
    result = {
      packet,
      plan,
      written: writePacket(
        context.sink,
        prng,
        packet,
        plan,
        context.options.until,
        prng.int(5, 120),
      ),
    }
  } else {
    const center = day.open.includes(home.center) ? home.center : day.open[0]
    if (!center) return undefined
    const kiosk = prng.int(0, center.kiosks - 1)
    const officer = center.officers[kiosk]
    if (!officer || (officer.disabledFrom && officer.disabledFrom <= day.date)) return undefined
    result = centerPacket(
      context,
      { center, kiosk, officer, at: timeOnDay(context, day, center) },
      type,
      resident,
      { refRid: originalRid },
    )
  }
  const at = result.written.issuedAt
  if (!at) return undefined
  if (type === 'DEACTIVATED' || type === 'ACTIVATED')
    return { at, rid: result.packet.rid, status: type }
  if (type === 'UPDATE' || type === 'RES_UPDATE') {
    const moved = {
      ...resident,
      addressLine1: `${prng.int(1, 480)} New Town Road`,
      postal: prng.pick(context.country.postalCodes),
    }
    context.onPersonalData('address', moved.addressLine1)
    return { at, rid: result.packet.rid, identity: identityOf(moved) }
  }
  return type === 'LOST' ? { at, rid: result.packet.rid } : undefined
}
