/**
 * What a logged change did to an identity record. The position in this list (plus one) is the
 * action's code in a log entry, so the list only ever grows at its end.
 */
export const recordActions = [
  'create',
  'update',
  'activate',
  'deactivate',
  'block',
  'vid-create',
  'vid-status',
  'vid-regenerate',
  'auth-lock',
] as const

export type RecordAction = (typeof recordActions)[number]

/** The action a UIN status change is logged as. */
export function statusAction(status: string): RecordAction {
  if (status === 'ACTIVATED') return 'activate'
  if (status === 'BLOCKED') return 'block'
  return 'deactivate'
}
