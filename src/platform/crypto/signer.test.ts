import { createPublicKey, randomBytes, verify } from 'node:crypto'
import { jwtVerify, createLocalJWKSet, SignJWT } from 'jose'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestDatabase, testBackends, type TestDatabase } from '../db/test-database.js'
import type { SigningAlgorithm } from './key-algorithm.js'
import { keyStoreHistory } from './key-store.migrations.js'
import { type KeyStore, openKeyStore } from './key-store.js'
import { createSigner, type Signer } from './signer.js'

const data = Buffer.from('checkpoint 42\n')

describe.each(testBackends)('signer on %s', (backend) => {
  let database: TestDatabase
  let store: KeyStore
  afterEach(async () => database?.drop())

  const open = async (): Promise<Signer> => {
    database = await createTestDatabase(backend, [keyStoreHistory])
    store = await openKeyStore({ db: database.db, masterKey: randomBytes(32) })
    return createSigner(store)
  }

  it.each<SigningAlgorithm>(['Ed25519', 'P-256'])(
    'signs and verifies with %s',
    async (algorithm) => {
      const signer = await open()
      const signed = await signer.sign('integrity', data, algorithm)
      expect(signed.algorithm).toBe(algorithm)
      expect(signed.signature).toHaveLength(64)
      expect(await signer.verify(signed.kid, data, signed.signature)).toBe(true)
      expect(
        await signer.verify(signed.kid, Buffer.from('checkpoint 43\n'), signed.signature),
      ).toBe(false)
      const flipped = Buffer.from(signed.signature)
      flipped[10] = (flipped[10] ?? 0) ^ 1
      expect(await signer.verify(signed.kid, data, flipped)).toBe(false)
      expect(await signer.verify('unknown-kid', data, signed.signature)).toBe(false)
      expect(await signer.verify(signed.kid, data, signed.signature, { purpose: 'other' })).toBe(
        false,
      )
    },
  )

  it.each<SigningAlgorithm>(['Ed25519', 'P-256'])(
    'exports a %s JWK that Node verifies independently',
    async (algorithm) => {
      const signer = await open()
      const signed = await signer.sign('integrity', data, algorithm)
      const { keys } = await signer.jwks('integrity')
      const jwk = keys.find((key) => key.kid === signed.kid)
      expect(jwk).toMatchObject({ use: 'sig', alg: algorithm === 'Ed25519' ? 'EdDSA' : 'ES256' })
      expect(jwk).not.toHaveProperty('d')
      const publicKey = createPublicKey({ key: { ...jwk }, format: 'jwk' })
      const digest = algorithm === 'Ed25519' ? null : 'sha256'
      expect(
        verify(digest, data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signed.signature),
      ).toBe(true)
    },
  )

  it.each<SigningAlgorithm>(['Ed25519', 'P-256'])(
    'gives jose a %s key whose JWTs verify against the JWKS',
    async (algorithm) => {
      const signer = await open()
      const key = await signer.signingKey('auth-jwt', algorithm)
      const token = await new SignJWT({ sub: 'officer-1' })
        .setProtectedHeader({ alg: key.alg, kid: key.kid })
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(key.privateKey)
      const jwks = createLocalJWKSet(await signer.jwks('auth-jwt'))
      const { payload, protectedHeader } = await jwtVerify(token, jwks)
      expect(payload.sub).toBe('officer-1')
      expect(protectedHeader.kid).toBe(key.kid)
    },
  )

  it('keeps verifying signatures of a retired key while signing with the new one', async () => {
    const signer = await open()
    const before = await signer.sign('auth-jwt', data)
    const rotated = await store.rotate('auth-jwt')
    const after = await signer.sign('auth-jwt', data)
    expect(after.kid).toBe(rotated.kid)
    expect(after.kid).not.toBe(before.kid)
    expect(await signer.verify(before.kid, data, before.signature)).toBe(true)
    expect(await signer.verify(after.kid, data, after.signature)).toBe(true)
    expect((await signer.jwks('auth-jwt')).keys.map((key) => key.kid)).toEqual([
      after.kid,
      before.kid,
    ])
  })

  it('refuses to sign with a symmetric key', async () => {
    const signer = await open()
    await store.activeKey('field', 'AES-256')
    await expect(signer.sign('field', data, 'Ed25519')).rejects.toMatchObject({
      code: 'MOS-CRY-004',
    })
  })
})
