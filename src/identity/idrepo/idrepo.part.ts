import type { Platform } from '../../platform/platform.js'
import type { IdentityPart } from '../identity-part.js'
import { AuthLockService } from './auth-lock.service.js'
import { IdRepoService } from './id-repo.service.js'
import type { IdentifierSource } from './identifier-source.js'
import { createIdRepoKeyring } from './idrepo-crypto.js'
import { idmapHistory } from './idmap.migrations.js'
import { idrepoHistory } from './idrepo.migrations.js'
import { registerIdRepoRoutes } from './idrepo.routes.js'
import { poolIdentifiers } from './pool-identifiers.js'
import { VidService } from './vid.service.js'

export interface IdRepoServices {
  readonly idRepo: IdRepoService
  readonly vids: VidService
  readonly locks: AuthLockService
}

/** The ID repository's services over the platform, with UINs and VIDs from the kernel pools. */
export function createIdRepoServices(
  platform: Pick<Platform, 'db' | 'bus' | 'keys'>,
  identifiers: IdentifierSource = poolIdentifiers,
): IdRepoServices {
  const { db, bus } = platform
  const keyring = createIdRepoKeyring(platform.keys)
  const idRepo = new IdRepoService({ db, bus, keyring, identifiers })
  return {
    idRepo,
    vids: new VidService({ db, bus, keyring, identifiers, idRepo }),
    locks: new AuthLockService({ db, bus, keyring }),
  }
}

/** MOSIP's ID repository (`idrepo`) and VID map (`idmap`), with their internal HTTP API. */
export const idrepoPart: IdentityPart = {
  name: 'idrepo',
  migrations: [idrepoHistory, idmapHistory],
  async start({ platform, app }) {
    registerIdRepoRoutes(app, createIdRepoServices(platform))
    return {}
  },
}
