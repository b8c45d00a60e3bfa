import { z } from 'zod'

/** Names of periodic jobs and task types: `reporting.rollup`, `notify:send-sms`. */
export const jobNameSchema = z.string().regex(/^[a-z0-9][a-z0-9._:-]{0,99}$/)
