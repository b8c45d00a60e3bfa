import { z } from 'zod'

const days = z.number().int().min(1).max(36_600)

/**
 * The retention of one dataset, by the age of its partitions' day (UTC): partitions whose day
 * is more than `archiveAfterDays` before today move to the archive; archived partitions (or, with
 * no archive step, lake partitions) more than `purgeAfterDays` old are deleted. Leave a step
 * out to never take it. Validated: `purgeAfterDays` must exceed `archiveAfterDays`.
 */
export const retentionPolicySchema = z
  .strictObject({
    archiveAfterDays: days.optional(),
    purgeAfterDays: days.optional(),
  })
  .refine(
    (p) =>
      p.archiveAfterDays === undefined ||
      p.purgeAfterDays === undefined ||
      p.purgeAfterDays > p.archiveAfterDays,
    { message: 'purgeAfterDays must be greater than archiveAfterDays', path: ['purgeAfterDays'] },
  )

/** One dataset's retention. */
export type RetentionPolicy = z.infer<typeof retentionPolicySchema>

/** Retention per dataset name; datasets not named are never touched. */
export const retentionPoliciesSchema = z.record(
  z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'a lake dataset name'),
  retentionPolicySchema,
)

/** Retention of every dataset it names. */
export type RetentionPolicies = z.infer<typeof retentionPoliciesSchema>

const tenYears = 3_650

/**
 * Mosaic's defaults: registration facts move to the archive after 400 days (a year of trends
 * plus a margin stays hot) and are deleted after 10 years (3,650 days); the audit events move
 * to the archive after 90 days and are kept there; rollups are small and never purged.
 */
export const defaultRetentionPolicies: RetentionPolicies = {
  registration: { archiveAfterDays: 400, purgeAfterDays: tenYears },
  registration_transaction: { archiveAfterDays: 400, purgeAfterDays: tenYears },
  audit_event: { archiveAfterDays: 90 },
  registration_rollup_hourly: {},
  registration_rollup_daily: {},
  uin_rollup_daily: {},
}
