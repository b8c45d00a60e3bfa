import { type Kysely, sql } from 'kysely'

/** Values of one seeded row, in the table's column order given to `insertRows`. */
type Row = readonly (string | number | boolean | null)[]

async function insertRows(
  db: Kysely<unknown>,
  table: string,
  columns: readonly string[],
  rows: readonly Row[],
): Promise<void> {
  // Seed rows are created by the system at migration time, as MOSIP's DML scripts do.
  const values = rows.map(
    (row) => sql`(${sql.join(row.map((value) => sql`${value}`))}, true, 'SYSTEM', now())`,
  )
  await sql`insert into ${sql.table(`master.${table}`)}
    (${sql.join(columns.map((column) => sql.ref(column)))}, is_active, cr_by, cr_dtimes)
    values ${sql.join(values)}`.execute(db)
}

/** MOSIP's reference codes (mosip-data `mosip_master/csv`): the ones other parts rely on. */
export async function seedReferenceData(db: Kysely<unknown>): Promise<void> {
  await insertRows(
    db,
    'language',
    ['code', 'name', 'family', 'native_name'],
    [
      ['eng', 'English', 'Indo-European', 'English'],
      ['fra', 'French', 'Indo-European', 'français'],
      ['ara', 'Arabic', 'Afro-Asiatic', 'العربية'],
    ],
  )
  const days = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT']
  await insertRows(
    db,
    'daysofweek_list',
    ['code', 'name', 'day_seq', 'is_global_working', 'lang_code'],
    days.map((name, index) => [
      String(101 + index),
      name,
      index + 1,
      index > 0 && index < 6,
      'eng',
    ]),
  )
  await insertRows(
    db,
    'reason_category',
    ['code', 'name', 'descr', 'lang_code'],
    [
      ['CLR', 'Client Rejection', 'Client Rejection', 'eng'],
      ['MNA', 'Manual Adjudication', 'Manual Adjudication', 'eng'],
    ],
  )
  const reasons: [string, string, string][] = [
    ['APM', 'Age-Photo Mismatch', 'CLR'],
    ['GPM', 'Gender-Photo Mismatch', 'CLR'],
    ['IAD', 'Invalid Address', 'CLR'],
    ['DPG', 'Duplicate Registration', 'CLR'],
    ['OTH', 'Others', 'CLR'],
    ['ADM', 'All the Details are matching', 'MNA'],
    ['ADD', 'All the Demographic Details are Matching', 'MNA'],
    ['OPM', 'Only the Photograph is Matching', 'MNA'],
    ['SDM', 'Some of the Demographic Details are Matching', 'MNA'],
  ]
  await insertRows(
    db,
    'reason_list',
    ['code', 'name', 'descr', 'rsncat_code', 'lang_code'],
    reasons.map(([code, name, category]) => [code, name, name, category, 'eng']),
  )
  const genders: [string, string, string, string][] = [
    ['MLE', 'Male', 'Masculin', 'ذكر'],
    ['FLE', 'Female', 'Féminin', 'أنثى'],
    ['OTH', 'Others', 'Autres', 'آخر'],
  ]
  const languages = ['eng', 'fra', 'ara'] as const
  await insertRows(
    db,
    'dynamic_field',
    ['id', 'name', 'description', 'data_type', 'value_json', 'lang_code'],
    genders.flatMap(([code, ...names]) =>
      languages.map((lang, index) => [
        `gender-${code}-${lang}`,
        'gender',
        'Gender',
        'string',
        JSON.stringify({ code, value: names[index] }),
        lang,
      ]),
    ),
  )
  const levels = ['Country', 'Region', 'Province', 'City', 'Zone', 'Postal Code']
  await insertRows(
    db,
    'loc_hierarchy_list',
    ['hierarchy_level', 'hierarchy_level_name', 'lang_code'],
    levels.map((name, level) => [level, name, 'eng']),
  )
  await insertRows(
    db,
    'reg_center_type',
    ['code', 'name', 'descr', 'lang_code'],
    [['REG', 'Regular', 'Regular registration center', 'eng']],
  )
  await insertRows(
    db,
    'machine_type',
    ['code', 'name', 'descr', 'lang_code'],
    [
      ['DKS', 'Desktop', 'Desktop registration client', 'eng'],
      ['TAB', 'Tablet', 'Tablet registration client', 'eng'],
    ],
  )
  // One generic spec per kind so that a fresh installation can register equipment at once.
  await insertRows(
    db,
    'machine_spec',
    ['id', 'name', 'brand', 'model', 'mtyp_code', 'min_driver_ver', 'descr', 'lang_code'],
    [
      ['1001', 'Desktop', 'Generic', 'DKS-1', 'DKS', '1.0', 'Generic desktop', 'eng'],
      ['1002', 'Tablet', 'Generic', 'TAB-1', 'TAB', '1.0', 'Generic tablet', 'eng'],
    ],
  )
  await insertRows(
    db,
    'device_type',
    ['code', 'name', 'descr', 'lang_code'],
    [
      ['FRS', 'Fingerprint Scanner', 'Fingerprint slap scanner', 'eng'],
      ['IRS', 'Iris Scanner', 'Iris scanner', 'eng'],
      ['CMR', 'Camera', 'Face camera', 'eng'],
    ],
  )
  await insertRows(
    db,
    'device_spec',
    ['id', 'name', 'brand', 'model', 'dtyp_code', 'min_driver_ver', 'descr', 'lang_code'],
    [
      ['327', 'Slap scanner', 'Generic', 'FRS-1', 'FRS', '1.0', 'Generic slap scanner', 'eng'],
      ['328', 'Iris scanner', 'Generic', 'IRS-1', 'IRS', '1.0', 'Generic iris scanner', 'eng'],
      ['329', 'Face camera', 'Generic', 'CMR-1', 'CMR', '1.0', 'Generic face camera', 'eng'],
    ],
  )
}
