import pg from 'pg'
import { quoteIdentifier } from './quote-identifier.js'

const INVALID_CATALOG_NAME = '3D000'
const DUPLICATE_DATABASE = '42P04'

/** Creates the database a connection string names when the server does not have it yet. */
export async function ensurePostgresDatabase(url: string): Promise<void> {
  const probe = new pg.Client({ connectionString: url })
  try {
    await probe.connect()
    return
  } catch (error) {
    if ((error as { code?: string }).code !== INVALID_CATALOG_NAME) throw error
  } finally {
    await probe.end().catch(() => {})
  }
  const target = new URL(url)
  const name = decodeURIComponent(target.pathname.slice(1))
  target.pathname = '/postgres'
  const admin = new pg.Client({ connectionString: target.toString() })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${quoteIdentifier(name)}`)
  } catch (error) {
    // Another process created it between our probe and now: that is what we wanted.
    if ((error as { code?: string }).code !== DUPLICATE_DATABASE) throw error
  } finally {
    await admin.end()
  }
}
