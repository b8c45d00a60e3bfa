import type { StageHandler } from '../engine/stage.js'
import type { StageName } from '../vocabulary/stage-name.js'
import { abisHandler, abisMiddleware } from './abis.stages.js'
import { bioDedupe } from './bio-dedupe.stage.js'
import { biometricAuthentication } from './biometric-authentication.stage.js'
import { cmdValidator } from './cmd-validator.stage.js'
import { demoDedupe } from './demo-dedupe.stage.js'
import { packetReceiver, packetUploader, securezoneNotification } from './intake.stages.js'
import { introducerValidator } from './introducer-validator.stage.js'
import { biometricExtraction, credentialRequestor, finalization } from './issuance.stages.js'
import { manualAdjudication, verification } from './manual-adjudication.stage.js'
import { packetClassifier, packetValidator } from './packet-validator.stage.js'
import { qualityClassifier } from './quality-classifier.stage.js'
import { uinGenerator } from './uin-generator.stage.js'
import { operatorValidator, supervisorValidator } from './user-validators.stage.js'

/** Every stage's handler, by bus name. */
export const stageHandlers: Readonly<Record<StageName, StageHandler>> = {
  'packet-receiver': packetReceiver,
  'securezone-notification': securezoneNotification,
  'packet-uploader': packetUploader,
  'packet-validator': packetValidator,
  'packet-classifier': packetClassifier,
  'c-m-d-validator': cmdValidator,
  'operator-validator': operatorValidator,
  'supervisor-validator': supervisorValidator,
  'introducer-validator': introducerValidator,
  'quality-classifier': qualityClassifier,
  'biometric-authentication': biometricAuthentication,
  'demo-dedupe': demoDedupe,
  'abis-handler': abisHandler,
  'abis-middle-ware': abisMiddleware,
  'bio-dedupe': bioDedupe,
  'manual-adjudication': manualAdjudication,
  verification,
  'uin-generator': uinGenerator,
  'biometric-extraction': biometricExtraction,
  finalization,
  'credential-requestor': credentialRequestor,
}
