import { AppError } from '../../platform/errors.js'
import type { IdCheck } from './id-check.js'

type Broken = Extract<IdCheck, { valid: false }>

/**
 * MOSIP's validator codes (kernel-idvalidator-uin KER-IDV-20x, kernel-idvalidator-vid
 * KER-IDV-00x) by rule; rules MOSIP reports together share its code.
 */
const uinCodes: Record<string, string> = {
  empty: 'KER-IDV-201',
  length: 'KER-IDV-203',
  numeric: 'KER-IDV-204',
  checksum: 'KER-IDV-205',
  'not-start-with': 'KER-IDV-206',
  'first-last-reverse': 'KER-IDV-207',
  'first-last': 'KER-IDV-208',
}
const vidCodes: Record<string, string> = {
  empty: 'KER-IDV-001',
  length: 'KER-IDV-003',
  numeric: 'KER-IDV-004',
  checksum: 'KER-IDV-005',
  'not-start-with': 'KER-IDV-006',
}

/**
 * The identifiers' error vocabulary: MOSIP's codes where MOSIP has them (KER-IDV validators,
 * KER-UIG UIN generator, KER-VID VID generator), MOS-IDS-NNN for what MOSIP does not name.
 */
export const idsErrors = {
  invalidRules: (kind: string, detail: string) =>
    new AppError({
      code: 'MOS-IDS-001',
      status: 500,
      message: `Invalid ${kind} rules: ${detail}`,
      action: 'Correct the identifier settings (see docs/identity.md, "Identifiers").',
    }),
  invalidUin: (check: Broken) =>
    new AppError({
      code: uinCodes[check.rule] ?? 'KER-IDV-202',
      status: 400,
      message: `Invalid UIN (${check.rule}): ${check.message}`,
    }),
  invalidVid: (check: Broken) =>
    new AppError({
      code: vidCodes[check.rule] ?? 'KER-IDV-002',
      status: 400,
      message: `Invalid VID (${check.rule}): ${check.message}`,
    }),
  invalidRid: (check: Broken) =>
    new AppError({
      code: 'MOS-IDS-010',
      status: 400,
      message: `Invalid RID (${check.rule}): ${check.message}`,
    }),
  invalidRidParts: (detail: string) =>
    new AppError({
      code: 'MOS-IDS-011',
      status: 400,
      message: `Cannot make a RID: ${detail}`,
      action: 'Give a 5-digit center id, a 5-digit machine id and a sequence from 1 to 99999.',
    }),
  generationStalled: (kind: string, attempts: number) =>
    new AppError({
      code: 'MOS-IDS-002',
      status: 500,
      message: `No new ${kind} found in ${attempts} attempts: the space of valid values is nearly used up`,
      action: 'Increase the identifier length or relax the rules before the pool runs dry.',
    }),
  uinPoolEmpty: () =>
    new AppError({
      code: 'KER-UIG-001',
      status: 503,
      message: 'UIN could not be found: the pool has no UNUSED UIN',
      action: 'Refill the pool (it refills itself below the threshold) and try again.',
    }),
  uinNotFound: (uin: string) =>
    new AppError({
      code: 'KER-UIG-001',
      status: 404,
      message: `UIN could not be found: ${uin.slice(0, 28)} is not in the pool`,
    }),
  uinNotIssued: (uin: string, status: string) =>
    new AppError({
      code: 'KER-UIG-004',
      status: 409,
      message: `Given UIN is not in ISSUED status: ${uin.slice(0, 28)} is ${status}`,
      action: 'Only a UIN handed out by allocateUin (ISSUED) can be confirmed or released.',
    }),
  vidPoolEmpty: () =>
    new AppError({
      code: 'KER-VID-001',
      status: 503,
      message: 'VID not available for allocation',
      action: 'Refill the pool (it refills itself below the threshold) and try again.',
    }),
  vidExpiryInPast: () =>
    new AppError({
      code: 'KER-VID-003',
      status: 400,
      message: 'Vid expiry date is before current utc time',
    }),
}
