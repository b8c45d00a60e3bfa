export { verhoeff } from './verhoeff.js'
export type { IdCheck, Violation } from './id-check.js'
export { cyclicNumbers } from './digit-filters.js'
export { digitRuleIds, type DigitRuleId } from './digit-rules.js'
export {
  defaultUinRules,
  defaultVidRules,
  uinRules,
  uinRulesSchema,
  vidRules,
  vidRulesSchema,
  type UinRules,
  type UinRulesInput,
  type VidRules,
  type VidRulesInput,
} from './id-rules.js'
export { checkUin, generateUinCandidate, passesUinRules, uinViolations } from './uin.js'
export { checkVid, generateVid, passesVidRules, vidViolations } from './vid.js'
export {
  checkRid,
  formatRid,
  parseRid,
  ridLayout,
  ridRuleIds,
  ridViolations,
  type RidCheckOptions,
  type RidParts,
  type RidRuleId,
} from './rid.js'
export { idsErrors } from './errors.js'
export { kernelHistory } from './kernel.migrations.js'
export type { KernelTables, UinStatus, VidStatus } from './kernel.tables.js'
export {
  poolSettings,
  type PoolSettings,
  type PoolSettingsInput,
  type RefillResult,
} from './pool-settings.js'
export {
  allocateUin,
  countUnusedUins,
  ensureUinPool,
  markUinAssigned,
  refillUinPool,
  releaseUin,
  uinStatus,
  type UinPoolOptions,
} from './uin-pool.js'
export {
  allocateVid,
  countAvailableVids,
  ensureVidPool,
  expireVids,
  refillVidPool,
  type VidPoolOptions,
} from './vid-pool.js'
export { nextRidSequence } from './rid-sequence.js'
export { idsPart } from './ids.part.js'
