import type { KV } from '@nats-io/kv'
import type { Lease } from './lease.js'

/**
 * A lease in a NATS KV bucket whose max age is the lease time: the key exists while it is held
 * and vanishes when the holder stops renewing. Taking it is `create` (fails if the key exists);
 * renewing is `update` on our last revision (fails if anyone else wrote it): compare-and-set.
 */
export function createKvLease(kv: KV, name: string, holder: string): Lease {
  let revision: number | undefined
  const take = async (): Promise<boolean> => {
    try {
      revision = await kv.create(name, holder)
      return true
    } catch (error) {
      if (isWrongRevision(error)) return false
      throw error
    }
  }
  return {
    name,
    holder,
    async tryAcquire() {
      if (revision !== undefined && (await this.renew())) return true
      return take()
    },
    async renew() {
      if (revision === undefined) return false
      try {
        revision = await kv.update(name, holder, revision)
        return true
      } catch (error) {
        if (!isWrongRevision(error)) throw error
        revision = undefined
        return false
      }
    },
    async release() {
      if (revision === undefined) return
      const previousSeq = revision
      revision = undefined
      // Only our own entry is removed: if it changed hands meanwhile, the delete fails harmlessly.
      await kv.delete(name, { previousSeq }).catch(() => {})
    },
  }
}

function isWrongRevision(error: unknown): boolean {
  return error instanceof Error && /wrong last sequence/i.test(error.message)
}
