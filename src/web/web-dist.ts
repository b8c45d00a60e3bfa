import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Where `vite build` writes the web apps (web/dist at the repository root). */
export const webDist = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist')

/** The web apps served under these paths, each a page of the multi-page build. */
export const webApps = ['admin', 'resident', 'register', 'verify'] as const

export function webDistBuilt(): boolean {
  return existsSync(join(webDist, 'admin', 'index.html'))
}
