/**
 * Built-in name and place lists for the synthetic residents: English, French and Arabic
 * (transliterated) names, so the country looks like a multilingual MOSIP deployment. Every
 * value here becomes personal data once given to a resident and is only stored encrypted.
 */
export const givenNames = {
  eng: {
    MLE: [
      'James',
      'Peter',
      'Samuel',
      'Daniel',
      'Joseph',
      'Michael',
      'David',
      'George',
      'Henry',
      'Arthur',
      'Edward',
      'Thomas',
    ],
    FLE: [
      'Mary',
      'Grace',
      'Esther',
      'Ruth',
      'Sarah',
      'Alice',
      'Florence',
      'Margaret',
      'Joyce',
      'Helen',
      'Rose',
      'Agnes',
    ],
  },
  fra: {
    MLE: [
      'Jean',
      'Pierre',
      'Luc',
      'Étienne',
      'Mathieu',
      'Olivier',
      'Antoine',
      'Benoît',
      'Gaston',
      'Rémi',
      'Yves',
      'Hugo',
    ],
    FLE: [
      'Marie',
      'Claire',
      'Hélène',
      'Sophie',
      'Camille',
      'Aurélie',
      'Juliette',
      'Odile',
      'Brigitte',
      'Maëlle',
      'Inès',
      'Lucie',
    ],
  },
  ara: {
    MLE: [
      'Mohamed',
      'Ahmed',
      'Youssef',
      'Omar',
      'Karim',
      'Hassan',
      'Ibrahim',
      'Mustafa',
      'Rachid',
      'Said',
      'Tariq',
      'Bilal',
    ],
    FLE: [
      'Fatima',
      'Aicha',
      'Khadija',
      'Zineb',
      'Salma',
      'Nadia',
      'Meryem',
      'Samira',
      'Layla',
      'Hafsa',
      'Rania',
      'Yasmina',
    ],
  },
} as const

export const familyNames = {
  eng: [
    'Okello',
    'Mensah',
    'Banda',
    'Phiri',
    'Johnson',
    'Williams',
    'Kamau',
    'Otieno',
    'Addo',
    'Boateng',
    'Mwangi',
    'Tembo',
  ],
  fra: [
    'Diallo',
    'Traoré',
    'Koné',
    'Camara',
    'Dubois',
    'Moreau',
    'Lefèvre',
    'Sow',
    'Ndiaye',
    'Faye',
    'Bamba',
    'Touré',
  ],
  ara: [
    'El Amrani',
    'Benali',
    'Alaoui',
    'Bennani',
    'Haddad',
    'Mansouri',
    'Tazi',
    'Idrissi',
    'Chraibi',
    'Berrada',
    'Ouazzani',
    'Fassi',
  ],
} as const

export const streetWords = [
  'Baobab',
  'Acacia',
  'Market',
  'Harbour',
  'Mango',
  'Station',
  'Cedar',
  'River',
  'Palm',
  'School',
  'Mission',
  'Hill',
]
export const streetKinds = ['Road', 'Street', 'Avenue', 'Lane', 'Close', 'Way']

/** Regions and their provinces of the fictional country (codes are location codes). */
export const regionNames = [
  'Northland',
  'Lakeshore',
  'Highveld',
  'Coastal',
  'Savanna',
  'Capital',
] as const
export const placeSyllables = [
  'ka',
  'mo',
  'ri',
  'ta',
  'na',
  'bu',
  'le',
  'si',
  'wa',
  'do',
  'fu',
  'ze',
  'ngo',
  'ma',
  'ki',
]

/** Email domains: residents rarely use a national one. */
export const emailDomains = ['mail.example', 'inbox.example', 'post.example']

/** Countries pre-registrations come from: home first, then the diaspora (ISO 3166 alpha-2). */
export const homeCountry = 'XM'
export const abroadCountries = ['FR', 'BE', 'GB', 'US', 'AE', 'SA', 'CN', 'RU', 'NG', 'IN']
