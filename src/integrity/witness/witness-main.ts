import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { parseArgs } from 'node:util'
import { createLogger } from '../../platform/telemetry/index.js'
import { generateWitnessKey, loadWitnessConfig } from './witness-config.js'
import { witnessErrors } from './witness-errors.js'
import { startWitnessServer, type WitnessServer } from './witness-server.js'

/**
 * The witness as a program of its own, for an independent party to run:
 *
 *   mosaic integrity witness --config witness.yaml
 *   mosaic integrity witness-key --name witness.example/w1 --out witness.key
 */

export interface RunWitnessOptions {
  /** Path of the YAML/JSON config file (see witness-config.ts). */
  readonly config: string
  /** Log level; MOSAIC_LOG_LEVEL or `info` by default. */
  readonly logLevel?: string
}

/**
 * Starts the witness from its config file and stops it on SIGINT/SIGTERM. Resolves once it
 * listens; logs `witness listening` with its URL and verifier key (JSON, stdout).
 */
export async function serveWitness(options: RunWitnessOptions): Promise<WitnessServer> {
  const config = await loadWitnessConfig(options.config)
  const logger = createLogger({
    level: options.logLevel ?? process.env.MOSAIC_LOG_LEVEL ?? 'info',
    service: 'mosaic-witness',
  })
  let signerKey: string
  try {
    signerKey = await readFile(config.keyFile, 'utf8')
  } catch (error) {
    throw witnessErrors.invalidConfig(`key file ${config.keyFile}: ${(error as Error).message}`)
  }
  const server = await startWitnessServer({
    dir: config.stateDir,
    host: config.listen.host,
    port: config.listen.port,
    name: config.name,
    signerKey,
    logs: config.logs,
    prefix: config.prefix,
    maxBodyBytes: config.maxBodyBytes,
    logger,
  })
  logger.info(
    { url: server.url, verifierKey: server.verifierKey, logs: config.logs.length },
    'witness listening',
  )
  const stop = (signal: string) => {
    logger.info({ signal }, 'witness stopping')
    void server.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return server
}

export interface WitnessKeyOptions {
  /** The cosigner name, e.g. `witness.example/w1`. */
  readonly name: string
  /** Where to write the private key; an existing file is never overwritten. */
  readonly out: string
}

/** Writes a new witness key (mode 0600) and returns its verifier key (type 0x04). */
export async function writeWitnessKey(options: WitnessKeyOptions): Promise<string> {
  const key = generateWitnessKey(options.name)
  await mkdir(dirname(options.out), { recursive: true })
  try {
    await writeFile(options.out, `${key.signerKey}\n`, { flag: 'wx', mode: 0o600 })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw witnessErrors.invalidConfig(`${options.out} exists; a witness key is never replaced`)
    }
    throw error
  }
  return key.verifierKey
}

/**
 * argv entry: `[witness] --config <file>` serves; `witness-key --name <n> --out <file>` writes
 * a key and prints its verifier key.
 */
export async function runWitness(argv: readonly string[]): Promise<void> {
  const [command, ...rest] = argv[0]?.startsWith('-') ? ['witness', ...argv] : argv
  if (command === 'witness') {
    const { values } = parseArgs({
      args: rest,
      options: { config: { type: 'string' }, 'log-level': { type: 'string' } },
    })
    if (!values.config) throw witnessErrors.invalidConfig('give --config <file>')
    await serveWitness({
      config: values.config,
      ...(values['log-level'] ? { logLevel: values['log-level'] } : {}),
    })
    return
  }
  if (command === 'witness-key') {
    const { values } = parseArgs({
      args: rest,
      options: { name: { type: 'string' }, out: { type: 'string' } },
    })
    if (!values.name || !values.out) throw witnessErrors.invalidConfig('give --name and --out')
    const verifierKey = await writeWitnessKey({ name: values.name, out: values.out })
    process.stdout.write(`${verifierKey}\n`)
    return
  }
  throw witnessErrors.invalidConfig(`unknown command ${JSON.stringify(command ?? '')}`)
}
