import { type QueryExecutorProvider, sql } from 'kysely'

/** Events waiting in `bus.relay_event` (JetStream) and dead letters kept, for /health. */
export async function countBusRows(
  executor: QueryExecutorProvider,
): Promise<{ relayBacklog: number; deadLetters: number }> {
  const { rows } = await sql<{ relay_backlog: number; dead_letters: number }>`
    select (select count(*) from bus.relay_event)::int as relay_backlog,
      (select count(*) from bus.dead_letter)::int as dead_letters`.execute(executor)
  return { relayBacklog: rows[0]?.relay_backlog ?? 0, deadLetters: rows[0]?.dead_letters ?? 0 }
}
