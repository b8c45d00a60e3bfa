/** MOSIP's manual adjudication reasons (master.reason_list, category MNA). */
export const manualAdjudicationReasons = {
  ADM: 'All the Details are matching',
  ADD: 'All the Demographic Details are Matching',
  OPM: 'Only the Photograph is Matching',
  SDM: 'Some of the Demographic Details are Matching',
} as const
export type ManualAdjudicationReason = keyof typeof manualAdjudicationReasons
export const manualAdjudicationReasonCodes = Object.keys(manualAdjudicationReasons) as [
  ManualAdjudicationReason,
  ...ManualAdjudicationReason[],
]
