import type { FieldCipher } from '../../platform/crypto/index.js'
import type { Db } from '../../platform/db/index.js'
import type { PacketStore } from './ports.js'
import type { RegprcTables } from './schema/regprc.tables.js'

/**
 * The built-in packet store: each packet is one FieldCipher value in regprc.packet_store,
 * bound to its workflow instance (a value copied to another row does not decrypt).
 */
export function createDbPacketStore(db: Db, cipher: FieldCipher): PacketStore {
  const tables = db.withTables<RegprcTables>()
  const field = (workflowInstanceId: string) => ({ recordId: workflowInstanceId, field: 'packet' })
  return {
    async put({ workflowInstanceId, rid, raw, hash }) {
      const packet_cipher = await cipher.encrypt(raw, field(workflowInstanceId))
      await tables
        .insertInto('regprc.packet_store')
        .values({
          workflow_instance_id: workflowInstanceId,
          reg_id: rid,
          packet_hash: hash,
          packet_cipher,
          cr_by: 'SYSTEM',
          cr_dtimes: new Date(),
          upd_by: null,
          upd_dtimes: null,
          del_dtimes: null,
        })
        .onConflict((oc) => oc.column('workflow_instance_id').doNothing())
        .execute()
    },
    async get(workflowInstanceId) {
      const row = await tables
        .selectFrom('regprc.packet_store')
        .select('packet_cipher')
        .where('workflow_instance_id', '=', workflowInstanceId)
        .executeTakeFirst()
      return row ? cipher.decrypt(row.packet_cipher, field(workflowInstanceId)) : null
    },
  }
}
