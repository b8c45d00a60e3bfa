import { generateKeyPairSync } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import { describeIssues } from '../../platform/errors.js'
import {
  cosigner,
  ed25519RawPublicKey,
  ed25519Seed,
  NoteError,
  type NoteSigner,
  parseSignerKey,
  parseVerifierKey,
  sigTypeCosignatureV1,
  signerKeyString,
  verifierKeyString,
} from '../note/index.js'
import { witnessErrors } from './witness-errors.js'

/**
 * The witness's configuration file (YAML, or JSON which YAML reads too). Relative paths are
 * taken from the file's folder:
 *
 *   name: witness.example/w1        # the cosigner name: a schema-less URL is recommended
 *   keyFile: witness.key            # PRIVATE+KEY+… as written by `mosaic integrity witness-key`
 *   stateDir: state                 # one witness process per folder
 *   listen: { host: 127.0.0.1, port: 7380 }
 *   prefix: ''                      # the submission prefix before /add-checkpoint
 *   logs:
 *     - origin: example.com/log
 *       verifierKeys: [example.com/log+0123abcd+AY…]
 */

const vkey = z.string().superRefine((value, ctx) => {
  try {
    parseVerifierKey(value)
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message })
  }
})

export const witnessConfigSchema = z.strictObject({
  name: z.string().min(1),
  keyFile: z.string().min(1),
  stateDir: z.string().min(1),
  listen: z
    .strictObject({
      host: z.string().min(1).default('127.0.0.1'),
      port: z.number().int().min(0).max(65535).default(7380),
    })
    .default({ host: '127.0.0.1', port: 7380 }),
  prefix: z
    .string()
    .regex(/^(\/[^/?#]+)*$/, 'a path such as /witness, without a trailing slash')
    .default(''),
  /** Request bodies above this many bytes get a 413. */
  maxBodyBytes: z.number().int().min(1024).max(16_777_216).default(65_536),
  logs: z
    .array(
      z.strictObject({
        origin: z
          .string()
          .min(1)
          .regex(/^[^\n]+$/, 'one line'),
        verifierKeys: z.array(vkey).min(1),
      }),
    )
    .min(1),
})

export type WitnessFileConfig = z.infer<typeof witnessConfigSchema>

/** Reads and checks a config file; `keyFile` and `stateDir` come back absolute. */
export async function loadWitnessConfig(file: string): Promise<WitnessFileConfig> {
  let raw: unknown
  try {
    raw = parseYaml(await readFile(file, 'utf8'))
  } catch (error) {
    throw witnessErrors.invalidConfig(`${file}: ${(error as Error).message}`)
  }
  const parsed = witnessConfigSchema.safeParse(raw)
  if (!parsed.success) throw witnessErrors.invalidConfig(`${file}: ${describeIssues(parsed.error)}`)
  const origins = parsed.data.logs.map((log) => log.origin)
  const repeated = origins.find((origin, i) => origins.indexOf(origin) !== i)
  if (repeated !== undefined) throw witnessErrors.invalidConfig(`log ${repeated} is listed twice`)
  const base = dirname(resolve(file))
  return {
    ...parsed.data,
    keyFile: resolve(base, parsed.data.keyFile),
    stateDir: resolve(base, parsed.data.stateDir),
  }
}

export interface WitnessKey {
  /** `PRIVATE+KEY+<name>+<id>+<base64>`: the Ed25519 seed. Keep it secret. */
  readonly signerKey: string
  /** The vkey logs and clients trust: type 0x04 (cosignature/v1), as tlog-cosignature says. */
  readonly verifierKey: string
}

/** A fresh witness key. */
export function generateWitnessKey(name: string): WitnessKey {
  const { privateKey } = generateKeyPairSync('ed25519')
  const signerKey = signerKeyString(name, ed25519Seed(privateKey))
  return { signerKey, verifierKey: witnessVerifierKey(name, ed25519RawPublicKey(privateKey)) }
}

export function witnessVerifierKey(name: string, publicKey: Uint8Array): string {
  return verifierKeyString(name, sigTypeCosignatureV1, publicKey)
}

/**
 * The cosigner of a stored key. The key string is Go's Ed25519 note key (type 0x01, the only
 * private key format there is); the witness signs with its seed as cosignature/v1 (type 0x04)
 * only, never as a plain note signer.
 */
export function witnessSigner(
  name: string,
  signerKey: string,
  now?: () => number,
): { signer: NoteSigner; verifierKey: string } {
  let parsed: ReturnType<typeof parseSignerKey>
  try {
    parsed = parseSignerKey(signerKey.trim())
  } catch (error) {
    if (error instanceof NoteError) throw witnessErrors.invalidConfig(`key: ${error.message}`)
    throw error
  }
  if (parsed.name !== name) {
    throw witnessErrors.invalidConfig(`the key is named ${parsed.name}, the witness ${name}`)
  }
  return {
    signer: cosigner(name, parsed.privateKey, now),
    verifierKey: witnessVerifierKey(name, parsed.publicKey),
  }
}
