import { afterEach, beforeEach, describe } from 'vitest'
import { deliveryCases } from './event-bus-delivery.cases.js'
import { recoveryCases } from './event-bus-recovery.cases.js'
import type { BusHarness } from './test-bus.js'

/**
 * The behaviour every EventBus backend must have. `makeHarness` gives each test a fresh store
 * (database, and stream for JetStream); `open()` there stands for starting another process.
 */
export function describeEventBusContract(
  label: string,
  makeHarness: () => Promise<BusHarness>,
): void {
  describe(`event bus contract: ${label}`, () => {
    let harness: BusHarness | undefined
    beforeEach(async () => {
      harness = await makeHarness()
    })
    afterEach(async () => {
      await harness?.cleanup()
      harness = undefined
    })
    const get = () => {
      if (!harness) throw new Error('no harness: the test runs outside beforeEach')
      return harness
    }
    deliveryCases(get)
    recoveryCases(get)
  })
}
