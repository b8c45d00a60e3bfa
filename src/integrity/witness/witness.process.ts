import { AppError } from '../../platform/errors.js'
import { runWitness } from './witness-main.js'

/** The witness as its own process: `node --import tsx witness.process.ts --config <file>`. */
runWitness(process.argv.slice(2)).catch((error: unknown) => {
  const text =
    error instanceof AppError
      ? `${error.code}: ${error.message}${error.action ? `\n${error.action}` : ''}`
      : String(error instanceof Error ? error.stack : error)
  process.stderr.write(`${text}\n`)
  process.exit(1)
})
