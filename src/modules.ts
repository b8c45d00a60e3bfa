import type { Module } from './platform/module.js'
import { identityModule } from './identity/index.js'
import { integrityModule } from './integrity/index.js'
import { reportingModule } from './reporting/index.js'
import { webModule } from './web/index.js'

/** Every module Mosaic has, in the order `mosaic modules` lists them. */
export const allModules: readonly Module[] = [
  identityModule,
  reportingModule,
  integrityModule,
  webModule,
]
