import { access } from '../http/access.js'
import type { HttpApp } from '../http/create-http-app.js'
import {
  type HealthGroup,
  type HealthRegistry,
  type HealthReport,
  healthHttpStatus,
} from './health.js'
import type { Metrics } from './metrics.js'

/**
 * Spring-Boot-style health (`/health`, `/health/liveness`, `/health/readiness`) and Prometheus
 * `/metrics`. Probes are open, as Kubernetes calls them without credentials, but component
 * details (error texts) are shown only to ADMIN and OPERATIONS staff.
 */
export function registerTelemetryRoutes(
  app: HttpApp,
  health: HealthRegistry,
  metrics: Metrics,
): void {
  const probe = (url: string, group: HealthGroup | undefined, reason: string) =>
    app.get(
      url,
      {
        config: { access: access.public(reason) },
        schema: { tags: ['operations'], summary: reason },
      },
      async (request, reply) => {
        const report = await health.evaluate(group)
        const principal = request.principal
        const trusted =
          principal?.kind === 'staff' &&
          principal.roles.some((role) => role === 'ADMIN' || role === 'OPERATIONS')
        return reply
          .code(healthHttpStatus(report.status))
          .header('cache-control', 'no-store')
          .send(trusted ? report : withoutDetails(report))
      },
    )

  probe('/health', undefined, 'health of the process and its components (Spring Boot format)')
  probe('/health/liveness', 'liveness', 'liveness probe: the process is running')
  probe('/health/readiness', 'readiness', 'readiness probe: the process can serve requests')

  app.get(
    '/metrics',
    {
      config: { access: access.scrape() },
      schema: { tags: ['operations'], summary: 'Prometheus metrics' },
    },
    async (_request, reply) =>
      reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  )
}

function withoutDetails(report: HealthReport): HealthReport {
  return {
    status: report.status,
    components: Object.fromEntries(
      Object.entries(report.components).map(([name, result]) => [name, { status: result.status }]),
    ),
  }
}
