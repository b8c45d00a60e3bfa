import { z } from 'zod'

/** An optional URL setting whose scheme is one of `protocols` (e.g. postgres, smtp). */
export const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .refine((v) => protocols.some((p) => v.startsWith(`${p}:`)), {
      message: `must be a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    })
    .optional()
