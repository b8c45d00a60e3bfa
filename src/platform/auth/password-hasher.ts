import { hash, verify } from '@node-rs/argon2'

// Argon2id (algorithm 2) with OWASP's first recommended setting: 19 MiB, 2 passes, 1 lane.
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

/** Hashes a password with Argon2id; the PHC string carries its own salt and parameters. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, options)
}

/** A valid hash of a random password, verified against when a username is unknown so that
 * the response time does not reveal which usernames exist. */
const decoy = hashPassword(crypto.randomUUID())

export async function verifyPassword(
  passwordHash: string | null,
  password: string,
): Promise<boolean> {
  try {
    return await verify(passwordHash ?? (await decoy), password)
  } catch {
    return false
  }
}
