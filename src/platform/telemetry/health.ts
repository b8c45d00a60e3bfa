/** Spring Boot Actuator's statuses; MOSIP's services report these. */
export type HealthStatus = 'UP' | 'DOWN' | 'OUT_OF_SERVICE' | 'UNKNOWN'

export type HealthGroup = 'liveness' | 'readiness'

export interface HealthResult {
  status: HealthStatus
  details?: Record<string, unknown>
}

/** One component of /health, e.g. the database or the event bus. */
export interface HealthIndicator {
  readonly name: string
  /** Probe groups this component belongs to besides the full /health. */
  readonly groups: readonly HealthGroup[]
  check(): Promise<HealthResult>
}

export interface HealthReport {
  status: HealthStatus
  components: Record<string, HealthResult>
}

// Spring's default order: the first status present among the components wins; UNKNOWN is ignored.
const severity: HealthStatus[] = ['DOWN', 'OUT_OF_SERVICE', 'UP']

/** Collects health indicators and aggregates them the way Spring Boot does. */
export class HealthRegistry {
  readonly #indicators = new Map<string, HealthIndicator>()

  constructor(private readonly timeoutMs = 3000) {}

  register(indicator: HealthIndicator): void {
    if (this.#indicators.has(indicator.name)) {
      throw new Error(`Health indicator ${indicator.name} is registered twice`)
    }
    this.#indicators.set(indicator.name, indicator)
  }

  /** Evaluates every indicator (or a probe group's) concurrently, each under a timeout. */
  async evaluate(group?: HealthGroup): Promise<HealthReport> {
    const chosen = [...this.#indicators.values()].filter(
      (indicator) => !group || indicator.groups.includes(group),
    )
    const entries = await Promise.all(
      chosen.map(async (indicator) => [indicator.name, await this.#check(indicator)] as const),
    )
    const components = Object.fromEntries(entries)
    const present = new Set(entries.map(([, result]) => result.status))
    const status = severity.find((s) => present.has(s)) ?? 'UP'
    return { status, components }
  }

  async #check(indicator: HealthIndicator): Promise<HealthResult> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<HealthResult>((resolve) => {
      timer = setTimeout(
        () =>
          resolve({ status: 'DOWN', details: { error: `no answer within ${this.timeoutMs} ms` } }),
        this.timeoutMs,
      )
    })
    try {
      return await Promise.race([indicator.check(), timeout])
    } catch (error) {
      return { status: 'DOWN', details: { error: (error as Error).message } }
    } finally {
      clearTimeout(timer)
    }
  }
}

/** HTTP status for a health report: 503 when DOWN or OUT_OF_SERVICE, as Spring maps them. */
export function healthHttpStatus(status: HealthStatus): number {
  return status === 'DOWN' || status === 'OUT_OF_SERVICE' ? 503 : 200
}
