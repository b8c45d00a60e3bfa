import type { IdentityJson } from '../packet.schema.js'
import type {
  IdentityPort,
  IdentityRecord,
  MasterDataPort,
  MasterEntityKind,
  UinStatus,
} from '../ports.js'

/** Master data in memory: entities with an active flag, centers open 09:00–17:00 UTC on weekdays. */
export class FakeMasterData implements MasterDataPort {
  readonly active = new Map<string, boolean>()

  constructor() {
    for (const key of [
      'center:10001',
      'machine:10002',
      'device:D1',
      'user:officer1',
      'user:supervisor1',
    ])
      this.active.set(key, true)
  }

  set(kind: MasterEntityKind, id: string, active: boolean): void {
    this.active.set(`${kind}:${id}`, active)
  }

  async wasActiveAt(kind: MasterEntityKind, id: string): Promise<boolean | null> {
    return this.active.get(`${kind}:${id}`) ?? null
  }

  async isCenterOpenAt(_centerId: string, at: Date): Promise<boolean> {
    const day = at.getUTCDay()
    const hour = at.getUTCHours()
    return day >= 1 && day <= 5 && hour >= 9 && hour < 17
  }
}

/** An ID repository in memory; `failNext` makes the next call throw, as an outage would. */
export class FakeIdentity implements IdentityPort {
  readonly byUin = new Map<
    string,
    { status: UinStatus; rids: Set<string>; identity: IdentityJson }
  >()
  private next = 2_000_000_001
  failNext = 0

  private fail(): void {
    if (this.failNext > 0) {
      this.failNext--
      throw new Error('identity service unavailable')
    }
  }

  async createIdentity(input: { rid: string; identity: IdentityJson }): Promise<{ uin: string }> {
    this.fail()
    const existing = this.uinOfRid(input.rid)
    if (existing) return { uin: existing }
    const uin = String(this.next++)
    this.byUin.set(uin, {
      status: 'ACTIVATED',
      rids: new Set([input.rid]),
      identity: input.identity,
    })
    return { uin }
  }

  async updateIdentity(input: { uin: string; rid: string; identity: IdentityJson }): Promise<void> {
    this.fail()
    const record = this.byUin.get(input.uin)
    if (!record) throw new Error('unknown UIN')
    record.rids.add(input.rid)
    record.identity = { ...record.identity, ...input.identity }
  }

  async findIdentity(query: { uin: string } | { rid: string }): Promise<IdentityRecord | null> {
    this.fail()
    const uin = 'uin' in query ? query.uin : this.uinOfRid(query.rid)
    const record = uin ? this.byUin.get(uin) : undefined
    return uin && record ? { uin, status: record.status } : null
  }

  async setStatus(input: { uin: string; status: 'ACTIVATED' | 'DEACTIVATED' }): Promise<void> {
    this.fail()
    const record = this.byUin.get(input.uin)
    if (record) record.status = input.status
  }

  async linkRid(input: { uin: string; rid: string }): Promise<void> {
    this.fail()
    this.byUin.get(input.uin)?.rids.add(input.rid)
  }

  uinOfRid(rid: string): string | undefined {
    for (const [uin, record] of this.byUin) if (record.rids.has(rid)) return uin
    return undefined
  }
}
