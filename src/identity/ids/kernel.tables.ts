/** UIN statuses in kernel.uin (MOSIP's UinGeneratorConstant); UNASSIGNED is only a release request. */
export const uinStatuses = ['UNUSED', 'ISSUED', 'ASSIGNED'] as const
export type UinStatus = (typeof uinStatuses)[number]

/** VID statuses in kernel.vid (MOSIP's VidLifecycleStatus). */
export const vidStatuses = ['AVAILABLE', 'ASSIGNED', 'EXPIRED'] as const
export type VidStatus = (typeof vidStatuses)[number]

interface AuditColumns {
  cr_by: string
  cr_dtimes: Date
  upd_by: string | null
  upd_dtimes: Date | null
}

export interface UinRow extends AuditColumns {
  uin: string
  uin_status: UinStatus | null
  is_deleted: boolean | null
  del_dtimes: Date | null
}

export interface VidRow extends AuditColumns {
  vid: string
  expiry_dtimes: Date | null
  vid_status: VidStatus
  is_deleted: boolean | null
  del_dtimes: Date | null
}

export interface RidSeqRow extends AuditColumns {
  regcntr_id: string
  machine_id: string
  curr_seq_no: number
}

/** Schema-qualified, for `db.withTables<KernelTables>()`. */
export type KernelTables = {
  'kernel.uin': UinRow
  'kernel.vid': VidRow
  'kernel.rid_seq': RidSeqRow
}
