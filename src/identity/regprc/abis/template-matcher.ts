import type { FieldCipher } from '../../../platform/crypto/index.js'
import type { Db } from '../../../platform/db/index.js'
import type { AbisPort } from '../ports.js'
import type { RegprcTables } from '../schema/regprc.tables.js'
import { galleryField, openGalleryTemplates, readGalleryTemplates } from './gallery-templates.js'
import { fusedScore, type StoredTemplate } from './template-similarity.js'

export interface TemplateMatcherOptions {
  readonly db: Db
  readonly cipher: FieldCipher
  /** Candidates below this score (0–100) are not returned. */
  readonly threshold: number
}

/**
 * Mosaic's built-in ABIS: a gallery of binary templates (encrypted per reference with the
 * FieldCipher in regprc.abis_gallery) searched exhaustively with a bitwise similarity. It is
 * enough for a standalone evaluation with synthetic templates; a real ABIS implements the same
 * AbisPort (INSERT / IDENTIFY) and replaces it.
 */
export function createTemplateMatcher(options: TemplateMatcherOptions): AbisPort {
  const db = options.db.withTables<RegprcTables>()
  return {
    async insert(referenceId, biometrics) {
      const templates: StoredTemplate[] = biometrics
        .filter((b) => !b.exception && b.template)
        .map((b) => ({ type: b.type, subType: b.subType, template: b.template ?? '' }))
      const cipherText = await options.cipher.encrypt(
        JSON.stringify(templates),
        galleryField(referenceId),
      )
      const now = new Date()
      await db
        .insertInto('regprc.abis_gallery')
        .values({
          bio_ref_id: referenceId,
          templates_cipher: cipherText,
          cr_by: 'SYSTEM',
          cr_dtimes: now,
          upd_by: null,
          upd_dtimes: null,
          del_dtimes: null,
        })
        .onConflict((oc) =>
          oc.column('bio_ref_id').doUpdateSet({
            templates_cipher: cipherText,
            upd_by: 'SYSTEM',
            upd_dtimes: now,
          }),
        )
        .execute()
    },
    async identify(referenceId, identifyOptions) {
      const probe = await readGalleryTemplates(options.db, options.cipher, referenceId)
      if (probe.length === 0) return []
      let query = db
        .selectFrom('regprc.abis_gallery')
        .select(['bio_ref_id', 'templates_cipher'])
        .where('bio_ref_id', '<>', referenceId)
      if (identifyOptions?.gallery) {
        if (identifyOptions.gallery.length === 0) return []
        query = query.where('bio_ref_id', 'in', [...identifyOptions.gallery])
      }
      const candidates = []
      for (const row of await query.execute()) {
        const score = fusedScore(
          probe,
          await openGalleryTemplates(options.cipher, row.bio_ref_id, row.templates_cipher),
        )
        if (score >= options.threshold) candidates.push({ referenceId: row.bio_ref_id, score })
      }
      return candidates.sort((a, b) => b.score - a.score)
    },
  }
}
