import { AppError } from '../../../platform/errors.js'
import type { IdentityPort, MasterDataPort } from '../ports.js'

const unwired = (service: string) =>
  new AppError({
    code: 'MOS-RPR-004',
    status: 503,
    message: `The ${service} service is not wired to the registration processor`,
    action: 'Start the identity module with its master data and ID repository parts.',
  })

/**
 * Ports for a process where master data or the ID repository is not available: every call is
 * an internal error, so packets wait in REPROCESS for the reprocessor instead of being failed.
 */
export const unwiredMasterData: MasterDataPort = {
  wasActiveAt: async () => {
    throw unwired('master data')
  },
  isCenterOpenAt: async () => {
    throw unwired('master data')
  },
}

export const unwiredIdentity: IdentityPort = {
  createIdentity: async () => {
    throw unwired('ID repository')
  },
  updateIdentity: async () => {
    throw unwired('ID repository')
  },
  findIdentity: async () => {
    throw unwired('ID repository')
  },
  setStatus: async () => {
    throw unwired('ID repository')
  },
  linkRid: async () => {
    throw unwired('ID repository')
  },
}
