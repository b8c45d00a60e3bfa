export { createLogger, type Logger, type LoggerOptions } from './logger.js'
export { createMetrics, type Metrics } from './metrics.js'
export {
  HealthRegistry,
  healthHttpStatus,
  type HealthGroup,
  type HealthIndicator,
  type HealthReport,
  type HealthResult,
  type HealthStatus,
} from './health.js'
export { registerTelemetryRoutes } from './telemetry.routes.js'
