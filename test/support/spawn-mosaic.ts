import { type ChildProcess, spawn } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** A `mosaic` command running as its own OS process, as an operator would start it. */
export interface MosaicProcess {
  readonly child: ChildProcess
  /** Everything it printed so far. */
  output(): string
  /** Resolves with the server URL once the start banner is printed. */
  ready(timeoutMs?: number): Promise<string>
  /** Resolves with the exit code. */
  exited(): Promise<number | null>
}

export function spawnMosaic(args: string[], env: Record<string, string>): MosaicProcess {
  const child = spawn(process.execPath, [join(root, 'bin', 'mosaic.js'), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exit = new Promise<number | null>((resolvePromise) =>
    child.on('exit', (code) => resolvePromise(code)),
  )
  return {
    child,
    output: () => output,
    exited: () => exit,
    async ready(timeoutMs = 90_000) {
      const deadline = Date.now() + timeoutMs
      while (Date.now() < deadline) {
        const match = /Health\s+(http:\/\/\S+)\/health/.exec(output)
        if (match) return match[1]!
        if (child.exitCode !== null)
          throw new Error(`mosaic exited with ${child.exitCode}:\n${output}`)
        await new Promise((r) => setTimeout(r, 100))
      }
      child.kill('SIGKILL')
      throw new Error(`mosaic did not start within ${timeoutMs} ms:\n${output}`)
    },
  }
}

/** Runs `mosaic …args` to its end; resolves with its exit code, and stdout and stderr apart. */
export async function runMosaic(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const run = spawnMosaic(args, env)
  let stdout = ''
  let stderr = ''
  run.child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  run.child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const code = await run.exited()
  return { code, stdout, stderr }
}
