/** C2SP tlog-tiles entry bundles: entries, each prefixed by its big-endian uint16 length. */

const maxEntrySize = 0xffff

export function encodeEntryBundle(entries: readonly Uint8Array[]): Buffer {
  const parts: Buffer[] = []
  entries.forEach((entry, i) => {
    if (entry.length > maxEntrySize) {
      throw new RangeError(`entry ${i} has ${entry.length} bytes; a bundle allows ${maxEntrySize}`)
    }
    const length = Buffer.alloc(2)
    length.writeUInt16BE(entry.length)
    parts.push(length, Buffer.from(entry.buffer, entry.byteOffset, entry.length))
  })
  return Buffer.concat(parts)
}

/** The entries of a bundle, as copies. Throws if the bundle ends inside an entry. */
export function decodeEntryBundle(bundle: Uint8Array): Buffer[] {
  const data = Buffer.from(bundle.buffer, bundle.byteOffset, bundle.length)
  const entries: Buffer[] = []
  let offset = 0
  while (offset < data.length) {
    if (offset + 2 > data.length) {
      throw new RangeError(`entry bundle truncated in the length of entry ${entries.length}`)
    }
    const length = data.readUInt16BE(offset)
    offset += 2
    if (offset + length > data.length) {
      throw new RangeError(`entry bundle truncated in entry ${entries.length}`)
    }
    entries.push(Buffer.from(data.subarray(offset, offset + length)))
    offset += length
  }
  return entries
}
