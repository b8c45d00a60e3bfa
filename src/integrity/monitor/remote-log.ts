import { entriesPath, tilePath, tileWidth, type TileId } from '../merkle/index.js'

/** The remote log could not be read (network, HTTP status, size limit). */
export class UnreachableError extends Error {}

const maxFileBytes = 1 << 20

/**
 * Reads a log's published files below its base URL (`…/integrity`): the checkpoint, hash
 * tiles and entry bundles. Tiles are fetched once per run, at their widest width needed.
 */
export class RemoteLog {
  private readonly tiles = new Map<string, Promise<Buffer>>()
  readonly baseUrl: string

  constructor(
    baseUrl: string,
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly timeoutMs = 10_000,
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '')
  }

  async get(path: string): Promise<Buffer> {
    const url = `${this.baseUrl}/${path}`
    let response: Response
    let body: Buffer
    try {
      response = await this.fetchImpl(url, { signal: AbortSignal.timeout(this.timeoutMs) })
      body = Buffer.from(await response.arrayBuffer())
    } catch (error) {
      throw new UnreachableError(`${url}: ${(error as Error).message}`)
    }
    if (response.status !== 200) throw new UnreachableError(`${url}: HTTP ${response.status}`)
    if (body.length > maxFileBytes) throw new UnreachableError(`${url}: over ${maxFileBytes} bytes`)
    return body
  }

  /** A hash tile at the given width (the width it has in the tree being checked). */
  tile(tile: TileId): Promise<Buffer> {
    const key = `${tile.level}/${tile.index}/${tile.width}`
    let pending = this.tiles.get(key)
    if (!pending) {
      pending = this.get(tilePath(tile)).then((data) => {
        if (data.length !== tile.width * 32) {
          throw new UnreachableError(`${tilePath(tile)} has ${data.length} bytes`)
        }
        return data
      })
      this.tiles.set(key, pending)
    }
    return pending
  }

  /** The tile holding hashes of `level` at `index`, at its width in a tree of `size` leaves. */
  tileOf(level: number, index: number, size: number): Promise<Buffer> {
    return this.tile({ level, index, width: widthAt(level, index, size) })
  }

  entryBundle(index: number, width: number): Promise<Buffer> {
    return this.get(entriesPath(index, width))
  }
}

/** The width of tile (level, index) in a tree of `size` leaves. */
export function widthAt(level: number, index: number, size: number): number {
  const hashes = Math.floor(size / tileWidth ** level)
  return Math.min(tileWidth, hashes - index * tileWidth)
}
