import { z } from 'zod'
import type { FieldCipher } from '../../platform/crypto/index.js'
import type { Db } from '../../platform/db/index.js'
import type { RegprcTables } from '../regprc/index.js'
import type { BioTemplate, EnrolledBiometrics } from './biometric-matcher.js'

const storedSchema = z.array(
  z.object({
    type: z.enum(['Finger', 'Iris', 'Face']),
    subType: z.string().nullable(),
    template: z.string(),
  }),
)

/**
 * Enrolled templates from the registration processor's built-in ABIS gallery
 * (regprc.abis_gallery, keyed by the identity's bioRefId, encrypted with the platform's field
 * cipher). Both parts belong to the identity core; when regprc exports a reader for its
 * gallery, this adapter should use it instead of the table.
 */
export function galleryBiometrics(db: Db, cipher: FieldCipher): EnrolledBiometrics {
  return {
    async templatesOf(record): Promise<readonly BioTemplate[]> {
      if (!record.bioRefId) return []
      const row = await db
        .withTables<RegprcTables>()
        .selectFrom('regprc.abis_gallery')
        .select('templates_cipher')
        .where('bio_ref_id', '=', record.bioRefId)
        .executeTakeFirst()
      if (!row) return []
      const plain = await cipher.decrypt(row.templates_cipher, {
        recordId: record.bioRefId,
        field: 'templates',
      })
      return storedSchema.parse(JSON.parse(plain))
    },
  }
}
