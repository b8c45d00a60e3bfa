import { once } from 'node:events'
import { crc32, createDeflateRaw } from 'node:zlib'

/** Content of an entry, produced piece by piece so that a large sheet is never one string. */
export type ZipEntrySource = Iterable<string | Buffer>

interface CentralRecord {
  readonly name: Buffer
  readonly crc: number
  readonly compressedSize: number
  readonly size: number
  readonly offset: number
}

// The classic (non-ZIP64) format stores sizes and offsets in 32 bits.
const maxZip32 = 0xffff_fffe

/**
 * The minimal ZIP (PKWARE APPNOTE 6.3) an Office Open XML file needs: deflated entries with
 * UTF-8 names, a central directory, no ZIP64, no encryption. Each entry is compressed as it is
 * produced; only the compressed bytes are kept.
 */
export class ZipWriter {
  private readonly parts: Buffer[] = []
  private readonly records: CentralRecord[] = []
  private offset = 0
  private readonly dosTime: number
  private readonly dosDate: number

  constructor(modifiedAt: Date) {
    // DOS times have no zone; the UTC wall clock keeps the archive the same on any machine.
    this.dosTime =
      (modifiedAt.getUTCHours() << 11) |
      (modifiedAt.getUTCMinutes() << 5) |
      Math.floor(modifiedAt.getUTCSeconds() / 2)
    this.dosDate =
      ((Math.max(modifiedAt.getUTCFullYear(), 1980) - 1980) << 9) |
      ((modifiedAt.getUTCMonth() + 1) << 5) |
      modifiedAt.getUTCDate()
  }

  /** Deflates `source` into a new entry named `name`. */
  async add(name: string, source: ZipEntrySource): Promise<void> {
    const deflate = createDeflateRaw({ level: 6 })
    const compressed: Buffer[] = []
    let compressedSize = 0
    deflate.on('data', (chunk: Buffer) => {
      compressed.push(chunk)
      compressedSize += chunk.length
    })
    const ended = once(deflate, 'end')
    let crc = 0
    let size = 0
    for (const piece of source) {
      const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece
      crc = crc32(bytes, crc)
      size += bytes.length
      if (!deflate.write(bytes)) await once(deflate, 'drain')
    }
    deflate.end()
    await ended
    if (size > maxZip32 || this.offset + compressedSize > maxZip32)
      throw new Error(`zip entry ${name} needs ZIP64, which this writer does not produce`)
    const nameBytes = Buffer.from(name, 'utf8')
    const header = Buffer.alloc(30)
    header.writeUInt32LE(0x04034b50, 0)
    this.writeCommon(header, 4, crc, compressedSize, size, nameBytes.length)
    this.records.push({ name: nameBytes, crc, compressedSize, size, offset: this.offset })
    this.push(header, nameBytes, ...compressed)
  }

  /** The archive: entries, central directory and its end record. */
  finish(): Buffer {
    const directoryOffset = this.offset
    for (const record of this.records) {
      const entry = Buffer.alloc(46)
      entry.writeUInt32LE(0x02014b50, 0)
      entry.writeUInt16LE(20, 4) // made by: version 2.0, MS-DOS attributes
      this.writeCommon(entry, 6, record.crc, record.compressedSize, record.size, record.name.length)
      // extra, comment, disk, internal and external attributes stay 0
      entry.writeUInt32LE(record.offset, 42)
      this.push(entry, record.name)
    }
    const end = Buffer.alloc(22)
    end.writeUInt32LE(0x06054b50, 0)
    end.writeUInt16LE(this.records.length, 8)
    end.writeUInt16LE(this.records.length, 10)
    end.writeUInt32LE(this.offset - directoryOffset, 12)
    end.writeUInt32LE(directoryOffset, 16)
    this.push(end)
    return Buffer.concat(this.parts)
  }

  // The fields a local header (at 4) and a central record (at 6) share, in the same order.
  private writeCommon(
    buffer: Buffer,
    at: number,
    crc: number,
    compressedSize: number,
    size: number,
    nameLength: number,
  ): void {
    buffer.writeUInt16LE(20, at) // version needed: 2.0 (deflate)
    buffer.writeUInt16LE(0x0800, at + 2) // flags: names are UTF-8
    buffer.writeUInt16LE(8, at + 4) // method: deflate
    buffer.writeUInt16LE(this.dosTime, at + 6)
    buffer.writeUInt16LE(this.dosDate, at + 8)
    buffer.writeUInt32LE(crc >>> 0, at + 10)
    buffer.writeUInt32LE(compressedSize, at + 14)
    buffer.writeUInt32LE(size, at + 18)
    buffer.writeUInt16LE(nameLength, at + 22)
  }

  private push(...buffers: Buffer[]): void {
    for (const buffer of buffers) {
      this.parts.push(buffer)
      this.offset += buffer.length
    }
  }
}
