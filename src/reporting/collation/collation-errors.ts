import { AppError } from '../../platform/errors.js'

function collation(code: string, message: string, action: string): AppError {
  return new AppError({ code, status: 500, message, action })
}

/** Errors of collation (CDC changes into the lake). None carries row data. */
export const collationErrors = {
  unknownTable: (table: string) =>
    collation(
      'MOS-RPT-201',
      `Collation has no lake dataset for ${table}`,
      'Capture only the tables of collatedTables with the connector that feeds this sink.',
    ),
  invalidChange: (table: string, index: number, detail: string) =>
    collation(
      'MOS-RPT-202',
      `Change ${index} of a ${table} batch does not have the expected columns: ${detail}`,
      'Check that the source has MOSIP schemas and the captured column lists are the defaults.',
    ),
}
