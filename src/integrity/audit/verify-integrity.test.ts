import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  consentReference,
  createIdRepoKeyring,
  createIdRepoServices,
  readRecordState,
  recordCommitment,
  type StoredConsent,
  type UinRow,
} from '../../identity/index.js'
import { openTestBus } from '../../platform/bus/test-bus.js'
import type { Db } from '../../platform/db/index.js'
import { testBackends } from '../../platform/db/test-database.js'
import { formatCheckpoint, signNote, ed25519Signer } from '../note/index.js'
import { publishCheckpoint } from '../publish/checkpoint-publisher.js'
import {
  drainJournal,
  messagesOf,
  openLoggedCountry,
  testOrigin,
  undone,
  type LoggedCountry,
} from './audit.test-kit.js'

/** A RID of the right shape that no packet ever had. */
const unknownRid = '10001100019999920251231235959'

describe.each(testBackends)('mosaic integrity verify on %s', (backend) => {
  let country: LoggedCountry
  let size: number
  const db = () => country.harness.database.db
  const codes = (report: { findings: readonly { code: string }[] }) => [
    ...new Set(report.findings.map((f) => f.code)),
  ]

  beforeAll(async () => {
    country = await openLoggedCountry(backend)
    const { rows } = await sql<{ size: string }>`select size from integrity.head`.execute(db())
    size = Number(rows[0]?.size)
  }, 120_000)
  afterAll(() => country?.harness.database.drop())

  async function aRecord(executor: Db, offset = 10): Promise<UinRow> {
    const { rows } = await sql<UinRow>`
      select * from idrepo.uin order by uin_ref_id limit 1 offset ${offset}`.execute(executor)
    return rows[0]!
  }

  it('is clean on the untouched database: the seed is logged as stored', async () => {
    const report = await country.verify()
    expect(report.findings).toEqual([])
    expect(report.ok).toBe(true)
    expect(size).toBeGreaterThan(256) // two tile levels, several pages
    expect(report.checked).toMatchObject({
      entries: size,
      tiles: 3, // tile/0/000, tile/0/001.p/…, tile/1/000.p/1
      checkpoints: 2,
      journalRows: size,
      unloggedRows: 0,
      consents: size,
    })
    expect(report.checked.records).toBeGreaterThan(200)
  }, 60_000)

  it('finds a record changed directly in SQL (status, reg_id) and names it', async () => {
    for (const change of [sql`status_code = 'BLOCKED'`, sql`reg_id = ${unknownRid}`]) {
      const report = await undone(db(), async (trx) => {
        const record = await aRecord(trx)
        await sql`update idrepo.uin set ${change} where uin_ref_id = ${record.uin_ref_id}`.execute(
          trx,
        )
        return { ref: record.uin_ref_id, report: await country.verify(trx) }
      })
      expect(codes(report.report)).toEqual(['record-changed'])
      expect(messagesOf(report.report, 'record-changed')).toEqual([
        expect.stringMatching(
          new RegExp(
            `^record ${report.ref} was changed outside a logged change: it differs from its latest journalled change \\(version \\d+\\); it differs from its log entry \\d+$`,
          ),
        ),
      ])
    }
  }, 60_000)

  it("finds a VID's status changed directly in SQL, naming its record", async () => {
    const { ref, report } = await undone(db(), async (trx) => {
      const { rows } = await sql<{ uin_ref_id: string; id: string }>`
        select u.uin_ref_id, v.id from idrepo.uin u join idmap.vid v on v.uin_hash = u.uin_hash
        order by v.id limit 1`.execute(trx)
      const { uin_ref_id, id } = rows[0]!
      await sql`update idmap.vid set status_code = 'REVOKED' where id = ${id}`.execute(trx)
      return { ref: uin_ref_id, report: await country.verify(trx) }
    })
    expect(codes(report)).toEqual(['record-changed'])
    expect(messagesOf(report, 'record-changed')[0]).toContain(`record ${ref} `)
  }, 60_000)

  it('finds a deleted record, and one deleted with its journal', async () => {
    const deleteRecord = async (trx: Db, ref: string) => {
      for (const table of ['consent_key', 'uin_document', 'uin_biometric', 'uin'])
        await sql`delete from ${sql.table(`idrepo.${table}`)} where uin_ref_id = ${ref}`.execute(
          trx,
        )
    }
    const alone = await undone(db(), async (trx) => {
      const record = await aRecord(trx)
      await deleteRecord(trx, record.uin_ref_id)
      return { ref: record.uin_ref_id, report: await country.verify(trx) }
    })
    expect(codes(alone.report)).toEqual(['record-deleted'])
    expect(messagesOf(alone.report, 'record-deleted')).toEqual([
      `record ${alone.ref} has journalled changes and log entries but no longer exists in idrepo.uin`,
    ])
    const withJournal = await undone(db(), async (trx) => {
      const record = await aRecord(trx)
      await deleteRecord(trx, record.uin_ref_id)
      await sql`delete from idrepo.record_change where uin_ref_id = ${record.uin_ref_id}`.execute(
        trx,
      )
      return country.verify(trx)
    })
    expect(codes(withJournal).sort()).toEqual(['entry-unclaimed', 'record-deleted'])
    expect(messagesOf(withJournal, 'record-deleted')).toEqual([
      '1 records in the log (integrity.record_head) have neither a record in idrepo.uin nor a journalled change',
    ])
  }, 60_000)

  it('finds an entry changed in storage: its tile hash, the root, the checkpoints and the journal', async () => {
    const report = await undone(db(), async (trx) => {
      await sql`update integrity.entry set data = set_byte(data, 100, get_byte(data, 100) # 1)
        where idx = 5`.execute(trx)
      return country.verify(trx)
    })
    expect(codes(report).sort()).toEqual([
      'checkpoint-inconsistent',
      'head-mismatch', // the head's frontier holds the changed subtree's hash
      'journal-entry-mismatch',
      'root-mismatch',
      'tile-mismatch',
    ])
    expect(messagesOf(report, 'tile-mismatch')).toEqual([
      'tile/0/000: hash 5 (entry 5) differs from the one recomputed from the entries',
      'tile/1/000.p/1: hash 0 (entries 0..255) differs from the one recomputed from the entries',
    ])
    expect(messagesOf(report, 'journal-entry-mismatch')).toEqual([
      expect.stringMatching(/differs from entry 5 in: consent reference$/),
    ])
    expect(messagesOf(report, 'checkpoint-inconsistent')).toHaveLength(2)
  }, 60_000)

  it('finds an entry removed, and two entries swapped', async () => {
    const removed = await undone(db(), async (trx) => {
      await sql`delete from integrity.entry where idx = 7`.execute(trx)
      return country.verify(trx)
    })
    expect(messagesOf(removed, 'entry-missing')).toEqual([
      'entry 7 is missing from integrity.entry',
    ])
    expect(removed.ok).toBe(false)
    const swapped = await undone(db(), async (trx) => {
      await sql`update integrity.entry e set data = o.data from integrity.entry o
        where (e.idx, o.idx) in ((3, 4), (4, 3))`.execute(trx)
      return country.verify(trx)
    })
    expect(messagesOf(swapped, 'tile-mismatch')[0]).toBe(
      'tile/0/000: hash 3 (entry 3) differs from the one recomputed from the entries',
    )
    expect(messagesOf(swapped, 'journal-entry-mismatch')).toHaveLength(2)
    expect(codes(swapped)).toContain('checkpoint-inconsistent')
  }, 60_000)

  it('finds a tile rewritten, naming the tile and the hash', async () => {
    const report = await undone(db(), async (trx) => {
      await sql`update integrity.tile set hashes = set_byte(hashes, 40, get_byte(hashes, 40) # 1)
        where level = 0 and idx = 0`.execute(trx)
      return country.verify(trx)
    })
    expect(report.findings).toEqual([
      {
        code: 'tile-mismatch',
        message: 'tile/0/000: hash 1 (entry 1) differs from the one recomputed from the entries',
      },
    ])
  }, 60_000)

  it('finds a checkpoint signed over a different tree (a fork shown to a witness)', async () => {
    const forged = (at: number) =>
      signNote(
        formatCheckpoint({
          origin: testOrigin,
          size: at,
          rootHash: randomBytes(32),
          extensions: [],
        }),
        [country.log.signer],
      )
    const report = await undone(db(), async (trx) => {
      const latest = forged(size)
      await sql`update integrity.checkpoint set note = ${latest},
        root = ${Buffer.from(latest.split('\n')[2]!, 'base64')} where size = ${size}`.execute(trx)
      const early = forged(10)
      await sql`insert into integrity.checkpoint (size, root, note, signed_at)
        values (10, ${Buffer.from(early.split('\n')[2]!, 'base64')}, ${early}, now())`.execute(trx)
      return country.verify(trx)
    })
    expect(codes(report)).toEqual(['checkpoint-inconsistent'])
    expect(messagesOf(report, 'checkpoint-inconsistent').map((m) => m.split(' is ')[0])).toEqual([
      'checkpoint 10',
      `checkpoint ${size}`,
    ])
    const otherKey = await undone(db(), async (trx) => {
      const { privateKey } = generateKeyPairSync('ed25519')
      const note = signNote(
        formatCheckpoint({
          origin: testOrigin,
          size: 10,
          rootHash: randomBytes(32),
          extensions: [],
        }),
        [ed25519Signer(testOrigin, privateKey)],
      )
      await sql`insert into integrity.checkpoint (size, root, note, signed_at)
        values (10, ${randomBytes(32)}, ${note}, now())`.execute(trx)
      return country.verify(trx)
    })
    expect(otherKey.findings).toEqual([
      {
        code: 'checkpoint-signature',
        message: "checkpoint 10: no signature from a known key (the log's key)",
      },
    ])
  }, 60_000)

  it('refuses a change without consent through the service (MOS-IDR-101), changing nothing', async () => {
    const bus = await openTestBus(country.harness.database)
    try {
      const { idRepo } = createIdRepoServices({ db: db(), bus, keys: country.harness.keys })
      const record = await aRecord(db())
      const crypto = await createIdRepoKeyring(country.harness.keys).session()
      const uin = await crypto.decryptUin(record.uin, record.uin_ref_id)
      const count = async () =>
        (await sql<{ n: string }>`select count(*) as n from idrepo.record_change`.execute(db()))
          .rows[0]?.n
      const before = await count()
      await expect(
        idRepo.setStatus(uin, 'DEACTIVATED', 'officer-1', { kind: 'packet', rid: unknownRid }),
      ).rejects.toMatchObject({ code: 'MOS-IDR-101' })
      expect(await count()).toBe(before)
      expect((await aRecord(db())).status_code).toBe(record.status_code)
      expect((await country.verify()).ok).toBe(true)
    } finally {
      await bus.close({ force: true })
    }
  }, 60_000)

  // These two change the database for good: they run last.
  it('finds a change journalled in SQL with consent from a packet never received', async () => {
    const record = await aRecord(db(), 20)
    const next = { ...record, status_code: 'BLOCKED' }
    await sql`update idrepo.uin set status_code = 'BLOCKED' where uin_ref_id = ${record.uin_ref_id}`.execute(
      db(),
    )
    const crypto = await createIdRepoKeyring(country.harness.keys).session()
    const salt = randomBytes(32)
    const commitment = recordCommitment(salt, await readRecordState(db(), next, crypto))
    const consent: StoredConsent = { kind: 'packet', rid: unknownRid }
    await sql`insert into idrepo.record_change (uin_ref_id, version, action, salt, commitment,
        consent_kind, consent, consent_ref, actor, changed_at)
      select ${record.uin_ref_id}, max(version) + 1, 'update', ${salt}, ${commitment}, 'packet',
        ${JSON.stringify(consent)}::jsonb, ${consentReference(consent)}, 'intruder', now()
      from idrepo.record_change where uin_ref_id = ${record.uin_ref_id}`.execute(db())
    await drainJournal(db())
    await publishCheckpoint({
      db: db(),
      log: country.log,
      witnesses: [],
      logger: pino({ level: 'silent' }),
    })
    const report = await country.verify()
    expect(report.findings).toEqual([
      {
        code: 'consent-invalid',
        message: expect.stringMatching(
          new RegExp(
            `^journal change \\d+ \\(record ${record.uin_ref_id}, version \\d+\\): no registration packet ${unknownRid} was received$`,
          ),
        ),
      },
    ])
  }, 60_000)

  it('finds an entry forged into the log without a journalled change', async () => {
    const { rows } = await sql<{ reg_id: string }>`
      select reg_id from regprc.registration where process = 'NEW' limit 1`.execute(db())
    const consent: StoredConsent = { kind: 'packet', rid: rows[0]!.reg_id }
    await sql`insert into idrepo.record_change (uin_ref_id, version, action, salt, commitment,
        consent_kind, consent, consent_ref, actor, changed_at)
      values (${randomUUID()}, 1, 'create', ${randomBytes(32)}, ${randomBytes(32)}, 'packet',
        ${JSON.stringify(consent)}::jsonb, ${consentReference(consent)}, 'intruder', now())`.execute(
      db(),
    )
    await drainJournal(db())
    const { rows: head } = await sql<{ size: string }>`select size from integrity.head`.execute(
      db(),
    )
    const forgedIndex = Number(head[0]?.size) - 1
    await sql`delete from idrepo.record_change where log_index = ${forgedIndex}`.execute(db())
    const report = await country.verify()
    expect(messagesOf(report, 'entry-unclaimed')).toEqual([
      `entry ${forgedIndex} is claimed by no journalled change`,
    ])
    expect(messagesOf(report, 'record-deleted')).toHaveLength(1)
  }, 60_000)
})
