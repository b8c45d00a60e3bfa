import { type Kysely, sql } from 'kysely'
import type { JobsTables } from './jobs.tables.js'

export type JobsDb = Kysely<JobsTables>

/** A claimed row and the database's clock at the moment of the claim. */
export interface Claim<Row> {
  readonly row: Row
  readonly dbNow: Date
}

/** `seconds` from now on the database's clock, which every runner shares (their own may drift). */
export const secondsFromNow = (seconds: number) =>
  sql<Date>`now() + make_interval(secs => ${seconds})`
