/**
 * The one error type that crosses module boundaries. Each component keeps its vocabulary in
 * its own `errors.ts` as factory functions returning an AppError; the HTTP layer maps any
 * AppError to its status and a MOSIP-style `{errorCode, message}`, and every other error
 * to a 500 that reveals nothing.
 */
export class AppError extends Error {
  /** Stable code, MOSIP's where MOSIP has one (e.g. KER-ATH-401), else MOS-<AREA>-<NNN>. */
  readonly code: string
  /** HTTP status the error maps to. */
  readonly status: number
  /** What the caller should do about it, in words a user can act on. */
  readonly action: string | undefined

  constructor(spec: {
    code: string
    status: number
    message: string
    action?: string
    cause?: unknown
  }) {
    super(spec.message, spec.cause === undefined ? undefined : { cause: spec.cause })
    this.name = 'AppError'
    this.code = spec.code
    this.status = spec.status
    this.action = spec.action
  }

  /** 5xx errors are ours to fix and get logged with their cause; 4xx are the caller's. */
  get reportable(): boolean {
    return this.status >= 500
  }
}

/**
 * Zod issues as one line that names each failing path and its problem, never the offending
 * value (safe for errors and logs): `to: \`to\` is before \`from\`; center: …`. Issues at the
 * top level are named `root`; at most `limit` are listed.
 */
export function describeIssues(
  error: {
    readonly issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[]
  },
  root = '(root)',
  limit = 5,
): string {
  return error.issues
    .slice(0, limit)
    .map((issue) => `${issue.path.map(String).join('.') || root}: ${issue.message}`)
    .join('; ')
}
