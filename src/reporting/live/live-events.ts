import { z } from 'zod'

/** The fields of `identity.regprc.stage` the live stream uses (the RID only for its center). */
export const stageEventSchema = z.object({
  rid: z.string().regex(/^\d{5}/),
  workflowInstanceId: z.string().min(1),
  process: z.string(),
  stage: z.string(),
  status: z.string(),
})

/** The fields of the workflow-completed event the live stream uses. */
export const workflowCompletedSchema = z.object({
  instanceId: z.string().min(1),
  resultCode: z.string(),
  workflowType: z.string(),
})

/** The fields of `AUTHENTICATION_TRANSACTION_STATUS` the live stream uses (never the token). */
export const authTransactionSchema = z.object({
  transactionId: z.string().min(1),
  status: z.enum(['Y', 'N']),
  requestedAt: z.iso.datetime({ offset: true }),
})
