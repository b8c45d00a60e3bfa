import { AppError } from '../../platform/errors.js'

/** The seed's closed error vocabulary. */
export const seedErrors = {
  notEmpty: (what: string) =>
    new AppError({
      code: 'MOS-SEED-001',
      status: 409,
      message: `The database already holds data (${what}); the seed never writes over existing data`,
      action:
        'Seed an empty database: point DATABASE_URL (or MOSAIC_HOME for the embedded one) at a new database, or drop and recreate this one first',
    }),
  invalidOptions: (detail: string) =>
    new AppError({
      code: 'MOS-SEED-002',
      status: 400,
      message: `Invalid seed options: ${detail}`,
      action: 'Run `mosaic seed --help` for the accepted values',
    }),
}
