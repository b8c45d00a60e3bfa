/**
 * A connector's background loop: runs `round` every `intervalMs` (the pause starts when a round
 * ends), hands errors to `onError` and carries on, until `stop`, which wakes the pause and
 * waits for the round under way.
 */
export class PollLoop {
  #loop: Promise<void> | undefined
  #stopping = false
  #wake: (() => void) | undefined

  constructor(
    private readonly round: () => Promise<unknown>,
    private readonly intervalMs: number,
    private readonly onError?: (error: unknown) => void,
  ) {}

  /** Starts the loop (once). */
  start(): void {
    if (this.#loop || this.#stopping) return
    this.#loop = (async () => {
      while (!this.#stopping) {
        try {
          await this.round()
        } catch (error) {
          this.onError?.(error)
        }
        if (this.#stopping) break
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.intervalMs)
          this.#wake = () => {
            clearTimeout(timer)
            resolve()
          }
        })
      }
    })()
  }

  /** Ends the loop after the round under way. */
  async stop(): Promise<void> {
    this.#stopping = true
    this.#wake?.()
    await this.#loop
  }
}
