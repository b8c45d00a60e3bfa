import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateWitnessKey, loadWitnessConfig, witnessSigner } from './witness-config.js'
import { runWitness, writeWitnessKey } from './witness-main.js'
import { testLog, vkeyMaterial } from './witness.test-kit.js'

let dir: string
const log = testLog('log.test/config')

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mosaic-witness-config-'))
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function load(yaml: string) {
  const file = join(dir, `c${Math.random().toString(36).slice(2)}.yaml`)
  await writeFile(file, yaml)
  return loadWitnessConfig(file)
}

const logs = `logs:\n  - origin: ${log.origin}\n    verifierKeys: ['${log.verifierKey}']\n`

describe('witness configuration', () => {
  it('reads YAML, applies defaults and resolves paths from the file’s folder', async () => {
    const config = await load(`name: w.test/a\nkeyFile: k.key\nstateDir: s\n${logs}`)
    expect(config).toMatchObject({
      name: 'w.test/a',
      keyFile: join(dir, 'k.key'),
      stateDir: join(dir, 's'),
      listen: { host: '127.0.0.1', port: 7380 },
      prefix: '',
      maxBodyBytes: 65_536,
    })
  })

  it('names what is wrong: a bad vkey, a repeated origin, an unknown field', async () => {
    const base = 'name: w.test/a\nkeyFile: k\nstateDir: s\n'
    await expect(
      load(`${base}logs:\n  - origin: x\n    verifierKeys: ['x+00000000+AQ==']\n`),
    ).rejects.toThrow(/MOS-WIT|logs\.0\.verifierKeys\.0/)
    await expect(load(`${base}${logs}${logs.replace('logs:\n', '')}`)).rejects.toThrow(
      /listed twice/,
    )
    await expect(load(`${base}${logs}colour: blue\n`)).rejects.toThrow(/colour/)
  })

  it('generates keys whose vkey is type 0x04 and refuses a key of another name', () => {
    const key = generateWitnessKey('w.test/b')
    expect(key.signerKey).toMatch(/^PRIVATE\+KEY\+w\.test\/b\+[0-9a-f]{8}\+/)
    expect(vkeyMaterial(key.verifierKey).type).toBe(0x04)
    expect(witnessSigner('w.test/b', key.signerKey).verifierKey).toBe(key.verifierKey)
    expect(() => witnessSigner('w.test/c', key.signerKey)).toThrow(/named w\.test\/b/)
  })

  it('writes a key file once, private to its owner', async () => {
    const out = join(dir, 'keys', 'w.key')
    const vkey = await writeWitnessKey({ name: 'w.test/d', out })
    expect((await stat(out)).mode & 0o777).toBe(0o600)
    expect(witnessSigner('w.test/d', await readFile(out, 'utf8')).verifierKey).toBe(vkey)
    await expect(runWitness(['witness-key', '--name', 'w.test/d', '--out', out])).rejects.toThrow(
      /never replaced/,
    )
    await expect(runWitness(['witness'])).rejects.toThrow(/--config/)
  })
})
