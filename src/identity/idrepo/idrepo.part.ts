import type { ModuleContext } from '../../platform/module.js'
import type { Platform } from '../../platform/platform.js'
import type { IdentityPart } from '../identity-part.js'
import { AuthLockService } from './auth-lock.service.js'
import { IdRepoService } from './id-repo.service.js'
import type { IdentifierSource } from './identifier-source.js'
import { createIdRepoKeyring } from './idrepo-crypto.js'
import { idmapHistory } from './idmap.migrations.js'
import { idrepoHistory } from './idrepo.migrations.js'
import { recordConsentVerifier } from './journal/consent-verifier.js'
import { pollingAcknowledger, unloggedAcknowledger } from './journal/log-acknowledger.js'
import { RecordJournal } from './journal/record-journal-service.js'
import { registerIdRepoRoutes } from './idrepo.routes.js'
import { poolIdentifiers } from './pool-identifiers.js'
import { VidService } from './vid.service.js'

export interface IdRepoServices {
  readonly idRepo: IdRepoService
  readonly vids: VidService
  readonly locks: AuthLockService
}

const startedJournals = new WeakMap<Platform, RecordJournal>()

/**
 * The journal a started ID repository uses: consent checked by the identity core, and changes
 * acknowledged once the integrity log holds them when the process runs the integrity module.
 * The identity parts of one platform share it, so one poller answers all their waiting changes.
 */
export function recordJournalFor(
  context: Pick<ModuleContext, 'platform' | 'modules'>,
): RecordJournal {
  const known = startedJournals.get(context.platform)
  if (known) return known
  const logged = context.modules.includes('integrity')
  const acknowledger = logged ? pollingAcknowledger(context.platform.db) : unloggedAcknowledger
  const journal = new RecordJournal(recordConsentVerifier, acknowledger)
  startedJournals.set(context.platform, journal)
  return journal
}

/**
 * The ID repository's services over the platform, with UINs and VIDs from the kernel pools.
 * Without a `journal`, changes are journalled (consent checked) but not waited on.
 */
export function createIdRepoServices(
  platform: Pick<Platform, 'db' | 'bus' | 'keys'>,
  identifiers: IdentifierSource = poolIdentifiers,
  journal = new RecordJournal(recordConsentVerifier, unloggedAcknowledger),
): IdRepoServices {
  const { db, bus } = platform
  const keyring = createIdRepoKeyring(platform.keys)
  const idRepo = new IdRepoService({ db, bus, keyring, identifiers, journal })
  return {
    idRepo,
    vids: new VidService({ db, bus, keyring, identifiers, idRepo, journal }),
    locks: new AuthLockService({ db, bus, keyring, journal }),
  }
}

/** MOSIP's ID repository (`idrepo`) and VID map (`idmap`), with their internal HTTP API. */
export const idrepoPart: IdentityPart = {
  name: 'idrepo',
  migrations: [idrepoHistory, idmapHistory],
  async start(context) {
    const { platform, app } = context
    registerIdRepoRoutes(
      app,
      createIdRepoServices(platform, poolIdentifiers, recordJournalFor(context)),
    )
    return {}
  },
}
