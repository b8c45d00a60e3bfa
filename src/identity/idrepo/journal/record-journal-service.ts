import type { Transaction } from 'kysely'
import type { IdRepoCrypto } from '../idrepo-crypto.js'
import type { ConsentVerifier } from './consent-verifier.js'
import type { LogAcknowledger } from './log-acknowledger.js'
import { journalChange, type ChangeToJournal } from './record-journal.js'

/**
 * The ID repository's services journal every change through this: `admit` before the
 * transaction, `record` inside it (consent checked, commitment written), `acknowledged` after
 * the commit, which returns once the integrity log holds the change.
 */
export class RecordJournal {
  constructor(
    readonly verifier: ConsentVerifier,
    private readonly acknowledger: LogAcknowledger,
  ) {}

  admit(): Promise<void> {
    return this.acknowledger.admit()
  }

  record(trx: Transaction<object>, crypto: IdRepoCrypto, change: ChangeToJournal): Promise<number> {
    return journalChange(trx, { crypto, verifier: this.verifier }, change)
  }

  async acknowledged(seq: number): Promise<void> {
    await this.acknowledger.logged(seq)
  }
}
