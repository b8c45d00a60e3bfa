/**
 * A perfect subtree of the log: the one covering leaves [index * 2^level, (index + 1) * 2^level).
 * Level 0 is a leaf; its hash is the leaf hash.
 */
export interface NodeId {
  readonly level: number
  readonly index: number
}
