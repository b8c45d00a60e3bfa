export { jobErrors } from './errors.js'
export type { JobContext, JobsLogger, Progress } from './job-context.js'
export { createJobRunner, type JobRunner } from './job-runner.js'
export type { JobRunnerOptions } from './job-runner.options.js'
export {
  getTask,
  listPeriodicJobs,
  listTasks,
  type PeriodicJobState,
  type TaskFilter,
  type TaskState,
} from './job-status.repository.js'
export { jobsHistory } from './jobs.migrations.js'
export type { JobsTables, PeriodicJobStatus, TaskStatus } from './jobs.tables.js'
export type { PeriodicJob } from './periodic-job.js'
export { defineTask, type Backoff, type TaskDefinition } from './task-definition.js'
export { purgeFinishedTasks, taskPurgeJob } from './task-purge.job.js'
export {
  createTaskQueue,
  jobsChannel,
  type EnqueueOptions,
  type Enqueued,
  type QueryExecutor,
  type TaskQueue,
} from './task-queue.js'
