/**
 * Environment variables and the setting each one sets. Env wins over the config file.
 * The names follow what operators already type for these services (PORT, DATABASE_URL).
 */
export const envNames: Record<string, string> = {
  MOSAIC_HOME: 'home',
  HOST: 'server.host',
  PORT: 'server.port',
  PUBLIC_URL: 'server.publicUrl',
  MOSAIC_BODY_LIMIT_BYTES: 'server.bodyLimitBytes',
  MOSAIC_RATE_LIMIT_PER_MINUTE: 'server.rateLimitPerMinute',
  MOSAIC_LOGIN_RATE_LIMIT_PER_MINUTE: 'server.loginRateLimitPerMinute',
  MOSAIC_TRUST_PROXY: 'server.trustProxy',
  DATABASE_URL: 'database.url',
  MOSAIC_DB_POOL_MAX: 'database.poolMax',
  NATS_URL: 'bus.natsUrl',
  MOSAIC_BUS_STREAM: 'bus.stream',
  MOSAIC_BUS_ACK_WAIT_SECONDS: 'bus.ackWaitSeconds',
  MOSAIC_BUS_MAX_DELIVER: 'bus.maxDeliver',
  MOSAIC_BUS_RETENTION_DAYS: 'bus.retentionDays',
  MOSAIC_ADMIN_PASSWORD: 'auth.adminPassword',
  MOSAIC_ACCESS_TOKEN_SECONDS: 'auth.accessTokenSeconds',
  MOSAIC_REFRESH_TOKEN_SECONDS: 'auth.refreshTokenSeconds',
  MOSAIC_RESIDENT_SESSION_SECONDS: 'auth.residentSessionSeconds',
  MOSAIC_MAX_FAILED_LOGINS: 'auth.maxFailedLogins',
  MOSAIC_LOCKOUT_SECONDS: 'auth.lockoutSeconds',
  MOSAIC_METRICS_TOKEN: 'auth.metricsToken',
  MOSAIC_MASTER_KEY: 'crypto.masterKey',
  SMTP_URL: 'notify.smtpUrl',
  MOSAIC_MAIL_FROM: 'notify.mailFrom',
  SMS_GATEWAY_URL: 'notify.smsGatewayUrl',
  SMS_GATEWAY_TOKEN: 'notify.smsGatewayToken',
  MOSAIC_DEFAULT_LANGUAGE: 'notify.defaultLanguage',
  MOSAIC_SEED_ON_EMPTY: 'identity.seedOnEmpty',
  MOSAIC_REGPRC_REPROCESS_EVERY_SECONDS: 'identity.regprc.reprocessEverySeconds',
  MOSAIC_REGPRC_REPROCESS_ELAPSE_SECONDS: 'identity.regprc.reprocessElapseSeconds',
  MOSAIC_REGPRC_REPROCESS_ATTEMPT_COUNT: 'identity.regprc.reprocessAttemptCount',
  MOSAIC_REGPRC_MAX_ALLOWED_ITERATION: 'identity.regprc.maxAllowedIteration',
  MOSAIC_REGPRC_REPROCESS_BATCH_SIZE: 'identity.regprc.reprocessBatchSize',
  MOSAIC_REGPRC_QUALITY_THRESHOLD: 'identity.regprc.qualityThreshold',
  MOSAIC_REGPRC_MATCH_THRESHOLD: 'identity.regprc.matchThreshold',
  MOSAIC_REGPRC_EXTERNAL_RETRY_THRESHOLD: 'identity.regprc.externalRetryThreshold',
  MOSAIC_REGPRC_MAX_PACKET_BYTES: 'identity.regprc.maxPacketBytes',
  LOG_LEVEL: 'log.level',
}

/** Settings whose values are secrets: never printed, never logged. */
export const secretSettings = new Set([
  'auth.adminPassword',
  'auth.metricsToken',
  'crypto.masterKey',
  'notify.smsGatewayToken',
])
