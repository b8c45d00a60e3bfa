#!/usr/bin/env node
// Runs the TypeScript sources directly (through tsx), so `npx mosaic` works in a checkout after `npm ci`.
import { register } from 'tsx/esm/api'

register()
const { runCli } = await import('../src/cli.ts')
await runCli(process.argv)
