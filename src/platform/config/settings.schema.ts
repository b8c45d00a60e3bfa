import { z } from 'zod'
import { regprcSettingsSchema } from './regprc-settings.js'
import { integritySettingsSchema } from './integrity-settings.js'
import { reportingSettingsSchema } from './reporting-settings.js'
import { optionalUrl } from './url-setting.js'

const port = z.coerce.number().int().min(0).max(65535)
const duration = z.coerce.number().int().positive()
/** Booleans from env or YAML: z.coerce.boolean would read "false" as true. */
const flag = z.union([
  z.boolean(),
  z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1'),
])

/**
 * Every setting Mosaic reads, with its default. The `describe` text is what `mosaic config
 * docs` and the README print, so it is written for an operator.
 */
export const settingsSchema = z.strictObject({
  home: z
    .string()
    .default('./.mosaic')
    .describe('Folder for embedded data: the PGlite database and the development master key'),
  server: z
    .strictObject({
      host: z
        .string()
        .default('127.0.0.1')
        .describe('Interface to listen on; 0.0.0.0 to accept connections from other hosts'),
      port: port.default(8080).describe('HTTP port; 0 picks a free one'),
      publicUrl: z
        .url()
        .optional()
        .describe('URL users reach the server at (default http://localhost:<port>)'),
      bodyLimitBytes: z.coerce
        .number()
        .int()
        .positive()
        .default(1_048_576)
        .describe('Largest request body accepted'),
      rateLimitPerMinute: z.coerce
        .number()
        .int()
        .positive()
        .default(600)
        .describe('Requests per minute per client address, across the API'),
      loginRateLimitPerMinute: z.coerce
        .number()
        .int()
        .positive()
        .default(10)
        .describe('Login attempts per minute per client address'),
      trustProxy: flag
        .default(false)
        .describe('Trust X-Forwarded-* headers (only behind a reverse proxy you run)'),
    })
    .prefault({}),
  database: z
    .strictObject({
      url: optionalUrl(['postgres', 'postgresql']).describe(
        'PostgreSQL connection string; unset = embedded PGlite under <home>/pgdata',
      ),
      poolMax: z.coerce.number().int().positive().default(10).describe('PostgreSQL pool size'),
    })
    .prefault({}),
  bus: z
    .strictObject({
      natsUrl: optionalUrl(['nats', 'tls']).describe(
        'NATS server with JetStream; unset = the PostgreSQL/PGlite outbox table',
      ),
      stream: z
        .string()
        .regex(/^[A-Za-z0-9_-]+$/)
        .default('MOSAIC')
        .describe('JetStream stream name'),
      ackWaitSeconds: duration
        .default(30)
        .describe('Seconds before an unacknowledged event is redelivered'),
      maxDeliver: duration.default(10).describe('Deliveries before an event is dead-lettered'),
      retentionDays: duration
        .default(7)
        .describe(
          'Days events are kept (outbox: once every consumer has passed them; JetStream: stream max age)',
        ),
    })
    .prefault({}),
  auth: z
    .strictObject({
      adminPassword: z
        .string()
        .min(12, 'must be at least 12 characters')
        .optional()
        .describe(
          'Password of the first admin; unset = a one-time password printed at first start',
        ),
      accessTokenSeconds: duration.default(900).describe('Lifetime of a staff access token (JWT)'),
      refreshTokenSeconds: duration
        .default(8 * 3600)
        .describe('Lifetime of a staff session (refresh token)'),
      residentSessionSeconds: duration.default(1800).describe('Idle timeout of a resident session'),
      maxFailedLogins: duration.default(5).describe('Failed logins before an account is locked'),
      lockoutSeconds: duration.default(900).describe('How long a locked account stays locked'),
      metricsToken: z
        .string()
        .min(16)
        .optional()
        .describe('Bearer token Prometheus may use to scrape /metrics'),
    })
    .prefault({}),
  crypto: z
    .strictObject({
      masterKey: z
        .string()
        .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 bytes in base64 (openssl rand -base64 32)')
        .optional()
        .describe(
          'Master key that encrypts every stored key; unset = <home>/master.key, created once',
        ),
    })
    .prefault({}),
  notify: z
    .strictObject({
      smtpUrl: optionalUrl(['smtp', 'smtps']).describe(
        'SMTP relay, e.g. smtp://user:pass@mail:587; unset = messages stay in the dev outbox',
      ),
      mailFrom: z.string().default('Mosaic <no-reply@mosaic.local>').describe('Sender of emails'),
      smsGatewayUrl: optionalUrl(['http', 'https']).describe(
        'HTTP SMS gateway endpoint; unset = SMS stay in the dev outbox',
      ),
      smsGatewayToken: z.string().optional().describe('Bearer token sent to the SMS gateway'),
      defaultLanguage: z
        .string()
        .regex(/^[a-z]{3}$/)
        .default('eng')
        .describe('Template language used when none fits (ISO 639-3, as MOSIP)'),
    })
    .prefault({}),
  identity: z
    .strictObject({
      seedOnEmpty: flag
        .optional()
        .describe(
          'Seed a small synthetic country at start when the database has no registrations; unset = on for embedded PGlite, off for PostgreSQL',
        ),
      regprc: regprcSettingsSchema.prefault({}),
    })
    .prefault({}),
  reporting: reportingSettingsSchema.prefault({}),
  integrity: integritySettingsSchema.prefault({}),
  log: z
    .strictObject({
      level: z
        .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
        .default('info')
        .describe('Least severe level written'),
    })
    .prefault({}),
})

export type Settings = z.infer<typeof settingsSchema>
export type SettingsInput = z.input<typeof settingsSchema>
