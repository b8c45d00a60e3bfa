import { collectDefaultMetrics, Histogram, Registry } from 'prom-client'

/** The process's Prometheus registry and the metrics the platform itself records. */
export interface Metrics {
  readonly registry: Registry
  /** Named after OpenTelemetry's http.server.request.duration. */
  readonly httpDuration: Histogram<'method' | 'route' | 'status_code'>
}

export function createMetrics(labels: Record<string, string> = {}): Metrics {
  const registry = new Registry()
  registry.setDefaultLabels(labels)
  collectDefaultMetrics({ register: registry })
  const httpDuration = new Histogram({
    name: 'http_server_request_duration_seconds',
    help: 'Duration of HTTP requests served, by route pattern',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  })
  return { registry, httpDuration }
}
