import { z } from 'zod'
import type { FieldCipher } from '../../../platform/crypto/index.js'
import type { Db } from '../../../platform/db/index.js'
import type { RegprcTables } from '../schema/regprc.tables.js'
import type { StoredTemplate } from './template-similarity.js'

const storedSchema = z.array(
  z.object({ type: z.string(), subType: z.string().nullable(), template: z.string() }),
)

/** Where a reference's templates are encrypted: the field cipher's record and field. */
export const galleryField = (referenceId: string) => ({
  recordId: referenceId,
  field: 'templates',
})

/** Decrypts one gallery entry's stored templates. */
export async function openGalleryTemplates(
  cipher: FieldCipher,
  referenceId: string,
  cipherText: string,
): Promise<StoredTemplate[]> {
  return storedSchema.parse(JSON.parse(await cipher.decrypt(cipherText, galleryField(referenceId))))
}

/**
 * The templates enrolled under a biometric reference (an identity's bio_ref_id) in the built-in
 * ABIS gallery, or none. ID authentication reads enrolled biometrics through this.
 */
export async function readGalleryTemplates(
  db: Db,
  cipher: FieldCipher,
  referenceId: string,
): Promise<StoredTemplate[]> {
  const row = await db
    .withTables<RegprcTables>()
    .selectFrom('regprc.abis_gallery')
    .select('templates_cipher')
    .where('bio_ref_id', '=', referenceId)
    .executeTakeFirst()
  return row ? openGalleryTemplates(cipher, referenceId, row.templates_cipher) : []
}
