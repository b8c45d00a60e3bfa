import type { Center } from './country-model.js'
import { abroadCountries, homeCountry } from './names.js'
import type { Prng } from './prng.js'
import type { SeedContext } from './seed-context.js'
import { created } from './seed-sink.js'
import { dayMs } from './seed-options.js'

/** Share of pre-registrations made from abroad (diaspora); each is tagged for analysis. */
export const abroadRate = 0.015

/** A home address in the carrier-grade NAT range mobile networks use (100.64.0.0/10). */
export const homeIp = (prng: Prng) =>
  `100.${prng.int(64, 127)}.${prng.int(0, 255)}.${prng.int(1, 254)}`
/** An address abroad, from the range reserved for benchmarks (198.18.0.0/15): never real. */
export const abroadIp = (prng: Prng) =>
  `198.${prng.int(18, 19)}.${prng.int(0, 255)}.${prng.int(1, 254)}`

const hhmm = (date: Date) => date.toISOString().slice(11, 16) + ':00'

export interface PreregInput {
  readonly center: Center
  readonly appointmentAt: Date
  readonly status: 'Consumed' | 'Booked' | 'Expired'
  readonly host?: { readonly ip: string; readonly country: string }
  readonly bookedAt?: Date
}

/**
 * A pre-registration (applicant_demographic) and its appointment (reg_appointment). The
 * application itself is not kept, only its hash; the source address and country are.
 */
export function addPreregistration(context: SeedContext, input: PreregInput): string {
  const { prng, sink } = context
  const id = context.nextPreregId()
  const abroad = !input.host && prng.chance(abroadRate)
  const host =
    input.host ??
    (abroad
      ? { ip: abroadIp(prng), country: prng.pick(abroadCountries) }
      : { ip: homeIp(prng), country: homeCountry })
  const bookedAt =
    input.bookedAt ??
    new Date(input.appointmentAt.getTime() - prng.int(1, 20) * dayMs - prng.int(0, 86_399) * 1000)
  const user = `resident-${prng.digits(8)}`
  sink.add('preRegistration', [
    id,
    Array.from({ length: 8 }, () => prng.digits(8))
      .join('')
      .slice(0, 64),
    input.status,
    'eng',
    user,
    host.ip,
    host.country,
    ...created(user, bookedAt),
  ])
  const slot = new Date(Math.floor(input.appointmentAt.getTime() / 900_000) * 900_000)
  sink.add('appointment', [
    prng.uuid(),
    input.center.id,
    id,
    bookedAt,
    slot.toISOString().slice(0, 10),
    hhmm(slot),
    hhmm(new Date(slot.getTime() + 900_000)),
    'eng',
    ...created(user, bookedAt),
  ])
  if (abroad)
    context.truth('prereg-from-abroad', id, 'PRE_REGISTRATION_ID', {
      sourceCountry: host.country,
      sourceIp: host.ip,
    })
  return id
}
