import { createHash } from 'node:crypto'

/**
 * RFC 6962 section 2.1 hashing. The one-byte prefixes keep leaves and interior nodes in
 * separate domains, so no interior node can be passed off as a leaf (second-preimage attack).
 */

/** Size in bytes of every hash in the tree (SHA-256). */
export const hashSize = 32

const leafPrefix = Buffer.from([0x00])
const nodePrefix = Buffer.from([0x01])

/** The root of the empty tree: SHA-256 of the empty string. */
export const emptyRoot: Buffer = createHash('sha256').digest()

/** SHA-256(0x00 || entry). */
export function leafHash(entry: Uint8Array): Buffer {
  return createHash('sha256').update(leafPrefix).update(entry).digest()
}

/** SHA-256(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(nodePrefix).update(left).update(right).digest()
}
