import { AppError } from '../errors.js'

/**
 * The bus's error vocabulary. Publish-time errors are the caller's (4xx: fix the event and
 * publish again; nothing of a rejected batch was stored); unavailability is ours (503: retry).
 */
export const busErrors = {
  invalidEvent: (detail: string) =>
    new AppError({
      code: 'MOS-BUS-001',
      status: 400,
      message: `Invalid CloudEvent: ${detail}`,
      action: 'Correct the named fields (see docs/bus.md, "Events") and publish again.',
    }),
  invalidTopic: (topic: string) =>
    new AppError({
      code: 'MOS-BUS-002',
      status: 400,
      message: `Invalid topic "${truncate(topic, 80)}": use dot-separated tokens of A-Z a-z 0-9 _ -`,
      action: 'Publish to a topic such as identity.created; wildcards are only for subscriptions.',
    }),
  invalidSubscription: (detail: string) =>
    new AppError({
      code: 'MOS-BUS-003',
      status: 400,
      message: `Invalid subscription: ${detail}`,
      action:
        'Name the consumer with A-Z a-z 0-9 _ - and give topic patterns (* one token, > the rest).',
    }),
  consumerInUse: (consumer: string) =>
    new AppError({
      code: 'MOS-BUS-004',
      status: 409,
      message: `Consumer "${consumer}" is already subscribed on this bus`,
      action: 'Give each subscription its own consumer name, or close the first one.',
    }),
  closed: () =>
    new AppError({
      code: 'MOS-BUS-005',
      status: 503,
      message: 'The event bus is closed',
      action: 'The process is shutting down; retry against a running instance.',
    }),
  eventTooLarge: (id: string, bytes: number, limit: number) =>
    new AppError({
      code: 'MOS-BUS-006',
      status: 413,
      message: `Event ${truncate(id, 80)} is ${bytes} bytes; events may be at most ${limit}`,
      action: 'Put a reference to the record in the event, not the record itself.',
    }),
  notATransaction: () =>
    new AppError({
      code: 'MOS-BUS-007',
      status: 500,
      message: 'PublishOptions.trx must be a Kysely transaction',
      action: 'Pass the trx given by db.transaction().execute(async (trx) => ...).',
    }),
  unavailable: (cause: unknown) =>
    new AppError({
      code: 'MOS-BUS-008',
      status: 503,
      message: 'The event bus could not store the events; none or some of them may be stored',
      action: 'Publish the same events again (consumers deduplicate by event id).',
      cause,
    }),
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}
