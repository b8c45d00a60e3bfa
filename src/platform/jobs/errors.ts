import { AppError } from '../errors.js'

/** Errors of the job scheduler. */
export const jobErrors = {
  invalidDefinition: (detail: string) =>
    new AppError({
      code: 'MOS-JOB-001',
      status: 500,
      message: `Invalid job or task definition: ${detail}`,
      action: 'Fix the definition in code; see docs/jobs.md for names and schedules.',
    }),

  invalidPayload: (task: string, issues: string) =>
    new AppError({
      code: 'MOS-JOB-002',
      status: 500,
      message: `Invalid payload for task ${task}: ${issues}`,
      action: 'Pass a payload that matches the task definition’s schema.',
    }),

  invalidEnqueue: (detail: string) =>
    new AppError({
      code: 'MOS-JOB-003',
      status: 500,
      message: `Cannot enqueue: ${detail}`,
      action: 'Fix the enqueue call; see docs/jobs.md for the accepted options.',
    }),

  runnerState: (detail: string) =>
    new AppError({
      code: 'MOS-JOB-004',
      status: 500,
      message: `Job runner: ${detail}`,
      action: 'Start a runner once and stop it once.',
    }),
}
