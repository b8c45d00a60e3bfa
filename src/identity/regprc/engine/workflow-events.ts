import { createCloudEvent, type TopicEvent } from '../../../platform/bus/index.js'

export const stageTopic = 'identity.regprc.stage'
export const workflowCompletedTopic = 'identity.REGISTRATION_PROCESSOR_WORKFLOW_COMPLETED_EVENT'
export const workflowPausedForAdditionalInfoTopic =
  'identity.REGISTRATION_PROCESSOR_WORKFLOW_PAUSED_FOR_ADDITIONAL_INFO_EVENT'
const source = '/mosaic/identity/regprc'

/** Codes and ids only: events never carry personal data. */
export interface StageEventData {
  readonly rid: string
  readonly workflowInstanceId: string
  readonly process: string
  readonly stage: string
  readonly status: string
  readonly subStatus: string
}

export function stageEvent(data: StageEventData): TopicEvent {
  return {
    topic: stageTopic,
    event: createCloudEvent({
      type: 'org.mosaic.identity.regprc.stage',
      source,
      subject: data.workflowInstanceId,
      data: { ...data },
    }),
  }
}

/** MOSIP's WorkflowCompletedEventDTO. */
export interface WorkflowCompletedData {
  readonly instanceId: string
  readonly resultCode: string
  readonly workflowType: string
  readonly errorCode: string | null
}

export function workflowCompletedEvent(data: WorkflowCompletedData): TopicEvent {
  return {
    topic: workflowCompletedTopic,
    event: createCloudEvent({
      type: 'org.mosaic.identity.regprc.workflow-completed',
      source,
      subject: data.instanceId,
      data: { ...data },
    }),
  }
}

/** MOSIP's WorkflowPausedForAdditionalInfoEventDTO. */
export interface WorkflowPausedForAdditionalInfoData {
  readonly instanceId: string
  readonly workflowType: string
  readonly additionalInfoProcess: string
  readonly additionalInfoRequestId: string
}

export function workflowPausedForAdditionalInfoEvent(
  data: WorkflowPausedForAdditionalInfoData,
): TopicEvent {
  return {
    topic: workflowPausedForAdditionalInfoTopic,
    event: createCloudEvent({
      type: 'org.mosaic.identity.regprc.workflow-paused-for-additional-info',
      source,
      subject: data.instanceId,
      data: { ...data },
    }),
  }
}
