import type { LakeParam, LakeParams } from '../lake/lake-reader.js'

/**
 * A report's DuckDB statement and its parameters, built together so that every value reaches
 * DuckDB as a `$name` parameter (never spliced into the SQL), and only the parameters the
 * statement uses are passed (DuckDB refuses unused ones).
 */
export class LakeQuery {
  private readonly values: Record<string, LakeParam> = {}

  /** `$name`, bound to `value` (binding one name twice keeps the last value). */
  bind(name: string, value: LakeParam): string {
    this.values[name] = value
    return `$${name}`
  }

  /** The parameters bound so far. */
  params(): LakeParams {
    return { ...this.values }
  }
}
