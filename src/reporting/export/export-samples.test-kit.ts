import type { ReportExportMeta } from './export-format.js'
import type { ReportId, ReportRow } from '../report-catalog.js'

/** The awkward values every format must carry: formulas, separators, quotes, line breaks. */
export const awkward = {
  formula: '=HYPERLINK("http://evil.example","click")',
  plusFormula: '+1+2',
  minus: '-5',
  at: '@SUM(A1:A2)',
  separators: 'Kénitra, "Nord"\nannexe; étage 2',
  accents: 'Centre Université Łódź – Agdal',
} as const

export const sampleRows = {
  'registrations-per-day': [
    { date: '2025-01-01', count: 12 },
    { date: '2025-01-02', count: 0 },
    { date: '2025-01-03', count: 1034 },
  ],
  'registrations-by-center': [
    { center_id: '10001', center_name: awkward.accents, count: 40 },
    { center_id: '10002', center_name: awkward.formula, count: 3 },
    { center_id: '10003', center_name: awkward.separators, count: 1 },
    { center_id: '10004', center_name: null, count: 7 },
    { center_id: '10005', center_name: '', count: 2 },
  ],
  'failed-packets': [
    {
      reg_id: '10001100010000120250105093000',
      center_id: '10001',
      process: 'NEW',
      stage: 'BIOGRAPHIC_VERIFICATION',
      sub_status_code: awkward.minus,
      status_comment: awkward.plusFormula,
      date: '2025-01-05',
    },
    {
      reg_id: '10002100020000220250106101500',
      center_id: '10002',
      process: 'UPDATE',
      stage: null,
      sub_status_code: awkward.at,
      status_comment: awkward.separators,
      date: '2025-01-06',
    },
  ],
  'stuck-packets': [
    {
      reg_id: '10001100010000320250104080000',
      process: 'LOST',
      stage: 'PACKET_RECEIVER',
      status: 'PROCESSING',
      since: '2025-01-04T08:15:30.250Z',
      hours: 39,
    },
    {
      reg_id: '10003100030000420250105000000',
      process: 'NEW',
      stage: 'UIN_GENERATOR',
      status: 'FAILED',
      since: '2025-01-05T23:59:59.999Z',
      hours: 0,
    },
  ],
  'center-rejections': [],
} satisfies { [I in ReportId]?: ReportRow<I>[] }

export type SampleReportId = keyof typeof sampleRows

/** Metadata for a sample export of `reportId`. */
export function sampleMeta(reportId: string): ReportExportMeta {
  return {
    reportId,
    parameters: {
      from: '2025-01-01',
      to: '2025-01-31',
      center: '10001',
      thresholdHours: undefined,
    },
    generatedAt: new Date('2025-02-01T08:30:00.000Z'),
    generatedBy: 'ops.admin',
  }
}

/** `count` rows of failed-packets, a wide report with a wrapping comment now and then. */
export function manyFailedPackets(count: number): ReportRow<'failed-packets'>[] {
  return Array.from({ length: count }, (_, i) => ({
    reg_id: `1000${1 + (i % 9)}1000${String(i).padStart(6, '0')}20250105093000`.slice(0, 29),
    center_id: `1000${1 + (i % 9)}`,
    process: i % 3 === 0 ? 'UPDATE' : 'NEW',
    stage: 'BIOGRAPHIC_VERIFICATION',
    sub_status_code: 'RPR-MNV-FAILED-002',
    status_comment:
      i % 10 === 0
        ? 'Packet failed after the manual verifier found a match; a longer comment that wraps'
        : 'Match Found by Manual Verifier',
    date: `2025-01-${String(1 + (i % 28)).padStart(2, '0')}`,
  }))
}
