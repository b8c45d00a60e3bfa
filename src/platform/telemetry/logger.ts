import { hostname } from 'node:os'
import { pino, type DestinationStream, type Logger } from 'pino'

export type { Logger } from 'pino'

/**
 * Keys whose values never reach a log line, at the top level or one object deep. Personal
 * data should not be handed to the logger at all; this is the safety net.
 */
const sensitiveKeys = [
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'accessToken',
  'refreshToken',
  'authorization',
  'cookie',
  'apiKey',
  'secret',
  'otp',
  'masterKey',
  // People's names: nothing logs them, and should anything start to, they stay out.
  'displayName',
  'display_name',
]

export interface LoggerOptions {
  level: string
  /** `service.name` on every line; processes started with --only use it to tell themselves apart. */
  service?: string
  destination?: DestinationStream
}

/**
 * JSON logs with OpenTelemetry/ECS field names (`@timestamp`, `log.level`, `message`,
 * `service.name`, `error.*`), so Elasticsearch, Loki or an OTel collector ingest them as is.
 */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      messageKey: 'message',
      errorKey: 'error',
      base: {
        'service.name': options.service ?? 'mosaic',
        'process.pid': process.pid,
        'host.hostname': hostname(),
      },
      timestamp: () => `,"@timestamp":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ 'log.level': label }) },
      serializers: { error: serializeError },
      redact: {
        paths: sensitiveKeys.flatMap((key) => [key, `*.${key}`]),
        censor: '[REDACTED]',
      },
    },
    options.destination,
  )
}

function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) }
  return {
    type: error.name,
    message: error.message,
    ...('code' in error && { code: error.code }),
    stack_trace: error.stack,
  }
}
