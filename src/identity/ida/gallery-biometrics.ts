import { z } from 'zod'
import type { FieldCipher } from '../../platform/crypto/index.js'
import type { Db } from '../../platform/db/index.js'
import { readGalleryTemplates } from '../regprc/index.js'
import type { BioTemplate, EnrolledBiometrics } from './biometric-matcher.js'

const enrolledSchema = z.array(
  z.object({
    type: z.enum(['Finger', 'Iris', 'Face']),
    subType: z.string().nullable(),
    template: z.string(),
  }),
)

/**
 * Enrolled templates from the registration processor's built-in ABIS gallery, keyed by the
 * identity's bioRefId. A real ABIS deployment would answer this from its own gallery.
 */
export function galleryBiometrics(db: Db, cipher: FieldCipher): EnrolledBiometrics {
  return {
    async templatesOf(record): Promise<readonly BioTemplate[]> {
      if (!record.bioRefId) return []
      return enrolledSchema.parse(await readGalleryTemplates(db, cipher, record.bioRefId))
    },
  }
}
