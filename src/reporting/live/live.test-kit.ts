import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { pino } from 'pino'
import { createCloudEvent } from '../../platform/bus/index.js'
import { migrate, type Backend, type Db } from '../../platform/db/index.js'
import {
  authTransactionTopic,
  idaHistory,
  makePacket,
  openRegprcHarness,
  type RegprcHarness,
} from '../../identity/index.js'
import { LiveStream, type LiveStreamOptions } from './live-stream.js'
import type { LiveScope, LiveSnapshot } from './live-snapshot.js'

/** A Monday: the test centers are open (09:00–17:00 UTC on weekdays). */
export const today = '2026-03-02'
export const quietLogger = pino({ level: 'silent' })

/** The registration processor (outbox bus on its database) with IDA's tables added. */
export async function openLiveHarness(backend: Backend): Promise<RegprcHarness> {
  const h = await openRegprcHarness(backend)
  await migrate(h.database.db, [idaHistory])
  h.master.set('center', '10011', true)
  return h
}

/** A clock the test moves by hand. */
export function testClock(start: string) {
  let at = new Date(start)
  return {
    now: () => new Date(at),
    set: (iso: string) => void (at = new Date(iso)),
  }
}

/** Starts a live stream on the harness, with the recount timer off (tests call it). */
export function startLive(h: RegprcHarness, options: Partial<LiveStreamOptions> = {}) {
  return LiveStream.start({
    db: h.database.db,
    bus: h.bus,
    logger: quietLogger,
    reconcileIntervalMs: 0,
    tickMs: 50,
    ...options,
  })
}

/** Submits a packet created at `createdAt` in `center`; returns its workflow instance id. */
export async function submitPacket(h: RegprcHarness, center: string, createdAt: string) {
  const { packet } = makePacket({ centerId: center, creationDate: createdAt })
  return h.submit(packet)
}

/** Runs up to `n` queued workflow steps (first in, first out), leaving the rest in flight. */
export async function runSteps(h: RegprcHarness, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const step = h.queue.shift()
    if (!step) return
    await h.engine.runStep(step)
  }
}

/**
 * Records an authentication attempt as IDA does: its row in ida.auth_transaction and its
 * AUTHENTICATION_TRANSACTION_STATUS event, in one transaction.
 */
export async function recordAuthAttempt(
  h: RegprcHarness,
  requestedAt: Date,
  success: boolean,
  options: { publish?: boolean } = {},
): Promise<string> {
  const id = randomUUID()
  const status = success ? 'Y' : 'N'
  await h.database.db.transaction().execute(async (trx) => {
    await sql`insert into ida.auth_transaction (id, request_dtimes, response_dtimes,
        request_trn_id, auth_type_code, status_code, status_comment, lang_code, ref_id_type,
        ref_id, token_id, requested_entity_type, requested_entity_id, requested_entity_name,
        cr_by, cr_dtimes, is_deleted)
      values (${id}, ${requestedAt.toISOString()}::timestamptz at time zone 'UTC', now(),
        ${randomUUID().slice(0, 10)}, 'DEMO-AUTH', ${status}, 'Demo Authentication', 'NA', 'UIN',
        'hashed-ref', 'token-1', 'PARTNER', 'partner-1', 'Test Bank', 'partner-1', now(), false)`.execute(
      trx,
    )
    if (options.publish === false) return
    await h.bus.publish(
      [
        {
          topic: authTransactionTopic,
          event: createCloudEvent({
            type: `org.mosaic.${authTransactionTopic}`,
            source: '/mosaic/identity/ida',
            subject: id,
            data: {
              transactionId: id,
              requestTransactionId: 'req-1',
              partnerId: 'partner-1',
              tokenId: 'token-1',
              authTypes: ['DEMO-AUTH'],
              status,
              requestedAt: requestedAt.toISOString(),
            },
          }),
        },
      ],
      { trx },
    )
  })
  return id
}

/** The parts of a snapshot a recount can check. */
export interface LiveCounts {
  readonly today: readonly { center: string; process: string; status: string; count: number }[]
  readonly inFlight: readonly { stage: string; count: number }[]
  readonly auth: readonly { minute: string; success: number; failure: number }[]
}

/** The counts of a snapshot (minutes without attempts left out). */
export function countsOf(snapshot: LiveSnapshot): LiveCounts {
  return {
    today: snapshot.registrationsToday.rows,
    inFlight: snapshot.inFlight.byStage,
    auth: snapshot.authentications.perMinute.filter((m) => m.success + m.failure > 0),
  }
}

const inFlightStatuses = ['PROCESSING', 'PAUSED', 'RESUMABLE', 'REPROCESS']

/**
 * The same counts recomputed with the test's own SQL straight over the source tables, written
 * independently of the live stream's queries.
 */
export async function recount(db: Db, now: Date, scope: LiveScope): Promise<LiveCounts> {
  const day = now.toISOString().slice(0, 10)
  const centers = scope.centers === 'all' ? sql`true` : centerFilter(scope.centers)
  const today = await sql<LiveCounts['today'][number]>`
    select left(reg_id, 5) as center, process, status_code as status, count(*)::int as count
    from regprc.registration
    where cast(pkt_cr_dtimes as date) = cast(${day} as date) and is_deleted is not true
      and ${centers}
    group by 1, 2, 3 order by 1, 2, 3`.execute(db)
  const inFlight = await sql<LiveCounts['inFlight'][number]>`
    select coalesce(reg_stage_name, 'NOT_STARTED') as stage, count(*)::int as count
    from regprc.registration
    where (status_code in (${sql.join(inFlightStatuses)}) or status_code like 'PAUSED%')
      and is_deleted is not true and ${centers}
    group by 1 order by 1`.execute(db)
  const minuteMs = 60_000
  const end = Math.floor(now.getTime() / minuteMs) * minuteMs + minuteMs
  const start = end - 60 * minuteMs
  const auth = await sql<{ minute: Date; success: number; failure: number }>`
    select date_trunc('minute', request_dtimes) as minute,
      count(*) filter (where status_code = 'Y')::int as success,
      count(*) filter (where status_code <> 'Y')::int as failure
    from ida.auth_transaction
    where request_dtimes >= ${new Date(start).toISOString()}::timestamptz at time zone 'UTC'
      and request_dtimes < ${new Date(end).toISOString()}::timestamptz at time zone 'UTC'
      and is_deleted is not true
    group by 1 order by 1`.execute(db)
  return {
    today: sortBytewise(today.rows, (r) => [r.center, r.process, r.status]),
    inFlight: sortBytewise(inFlight.rows, (r) => [r.stage]),
    auth: auth.rows.map((r) => ({ ...r, minute: r.minute.toISOString() })),
  }
}

function centerFilter(centers: readonly string[]) {
  if (centers.length === 0) return sql`false`
  return sql`left(reg_id, 5) in (${sql.join([...centers])})`
}

function sortBytewise<T>(rows: readonly T[], key: (row: T) => string[]): T[] {
  return [...rows].sort((a, b) => {
    const ka = key(a).join('\u0000')
    const kb = key(b).join('\u0000')
    return ka < kb ? -1 : ka > kb ? 1 : 0
  })
}

/**
 * Waits until the live counts equal the recount (the bus delivers after commit, so they
 * converge shortly); returns both for the test's assertion either way.
 */
export async function converge(
  live: LiveStream,
  db: Db,
  now: () => Date,
  scope: LiveScope = { centers: 'all' },
): Promise<{ live: LiveCounts; recount: LiveCounts }> {
  const deadline = Date.now() + 30_000
  for (;;) {
    const expected = await recount(db, now(), scope)
    const actual = countsOf(live.snapshot(scope))
    if (JSON.stringify(actual) === JSON.stringify(expected) || Date.now() > deadline) {
      return { live: actual, recount: expected }
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
