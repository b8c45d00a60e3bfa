import type { z } from 'zod'
import { idRepoErrors } from './errors.js'

/** Parses input with zod; failures become IDR-IDC-002 naming the path, never the value. */
export function parse<T extends z.ZodType>(schema: T, value: unknown, name?: string): z.output<T> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const path = [name, ...(issue?.path ?? [])].filter((p) => p !== undefined).join('.')
  throw idRepoErrors.invalidInput(path || 'request')
}
