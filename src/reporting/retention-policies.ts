import type { Settings } from '../platform/config/index.js'
import { AppError, describeIssues } from '../platform/errors.js'
import {
  defaultRetentionPolicies,
  type RetentionPolicies,
  retentionPoliciesSchema,
} from './retention/retention-policy.js'

/** The defaults with the operator's `reporting.retention` over them, checked (purge > archive). */
export function retentionPoliciesOf(settings: Settings): RetentionPolicies {
  const parsed = retentionPoliciesSchema.safeParse({
    ...defaultRetentionPolicies,
    ...settings.reporting.retention,
  })
  if (parsed.success) return parsed.data
  throw new AppError({
    code: 'MOS-RPT-007',
    status: 500,
    message: `reporting.retention: ${describeIssues(parsed.error)}`,
    action:
      'Fix reporting.retention in mosaic.config.yaml: purgeAfterDays must exceed archiveAfterDays.',
  })
}
