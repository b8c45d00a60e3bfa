export { createEventBus, type CreateEventBusOptions } from './create-event-bus.js'
export type {
  CloseOptions,
  Delivery,
  EventBus,
  EventHandler,
  PublishOptions,
  SubscribeOptions,
  Subscription,
  TopicEvent,
} from './event-bus.js'
export {
  cloudEventSchema,
  createCloudEvent,
  parseCloudEvent,
  type CloudEvent,
  type NewCloudEvent,
} from './cloud-event.js'
export { isTopic, isTopicPattern, matchesTopic } from './topic.js'
export { busErrors } from './errors.js'
export { busMigrations } from './bus.migrations.js'
export type { BusTables } from './bus.tables.js'
export { defaultBusTuning, type BusTuning } from './bus-tuning.js'
export type { Backoff } from './consumer-spec.js'
export {
  deleteDeadLetters,
  listDeadLetters,
  type DeadLetter,
  type ListDeadLettersOptions,
} from './dead-letter.repository.js'
export { purgeOutboxEvents, type PurgeOptions } from './outbox-purge.js'
export { maxEventBytes } from './prepare-events.js'
