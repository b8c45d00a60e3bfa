export { runSeed, existingData, type SeedSummary } from './run-seed.js'
export { seedActivity, type SeedActivity } from './seed-activity.js'
export {
  seedOptionsSchema,
  defaultUntil,
  type SeedOptions,
  type SeedOptionsInput,
} from './seed-options.js'
export { throttledProgress, silentProgress, type SeedProgress } from './seed-progress.js'
export { seedPart, startupSeed } from './seed.part.js'
export { seedHistory } from './seed.migrations.js'
export { preregHistory } from './prereg.migrations.js'
export { fraudPatterns, type FraudPattern } from './seed-context.js'
export { seedErrors } from './seed-errors.js'
