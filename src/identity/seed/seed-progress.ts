/** Where a seed run reports how far it is (stderr for the CLI, the logger at start-up). */
export interface SeedProgress {
  update(phase: string, done: number, total: number): void
  done(summary: string): void
}

/** Rate and time left from elapsed time, for "12,000/100,000 3,400/s ETA 26 s". */
export function describeProgress(
  phase: string,
  done: number,
  total: number,
  elapsedMs: number,
): string {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0
  const eta = rate > 0 ? Math.ceil((total - done) / rate) : 0
  const percent = total > 0 ? ((100 * done) / total).toFixed(1) : '100'
  return `seed: ${phase} ${done.toLocaleString('en')}/${total.toLocaleString('en')} (${percent}%) ${Math.round(rate).toLocaleString('en')}/s ETA ${eta} s`
}

/** Writes a line to `write` at most every `everyMs` (and at the end of each phase). */
export function throttledProgress(write: (line: string) => void, everyMs = 1_000): SeedProgress {
  // Progress timing is the one place the seed reads the clock: it never reaches the data.
  const started = new Map<string, number>()
  let last = -Infinity
  return {
    update(phase, done, total) {
      const now = performance.now()
      // Each phase's rate and time left count from its own first report.
      const phaseStart = started.get(phase) ?? now
      started.set(phase, phaseStart)
      if (now - last < everyMs && done < total) return
      last = now
      write(describeProgress(phase, done, total, now - phaseStart))
    },
    done: (summary) => write(`seed: ${summary}`),
  }
}

export const silentProgress: SeedProgress = { update() {}, done() {} }
