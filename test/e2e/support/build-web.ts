import { buildWebIfStale } from '../../../scripts/build-web.js'

/** Vitest globalSetup of the `browser` project: the pages under test are the built ones. */
export async function setup(): Promise<void> {
  await buildWebIfStale()
}
