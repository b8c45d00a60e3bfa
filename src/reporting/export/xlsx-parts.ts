/**
 * The fixed parts of the workbook around its one sheet (ECMA-376 SpreadsheetML), and the XML
 * text escaping every part uses.
 */

const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const officeRels = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const packageRels = 'http://schemas.openxmlformats.org/package/2006/relationships'
const declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

/** Cell style indexes into `cellXfs` of {@link stylesXml}. */
export const xlsxStyle = {
  text: 0,
  header: 1,
  date: 2,
  timestamp: 3,
  integer: 4,
  title: 5,
} as const

export const contentTypesXml =
  declaration +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '</Types>'

export const rootRelsXml =
  declaration +
  `<Relationships xmlns="${packageRels}">` +
  `<Relationship Id="rId1" Type="${officeRels}/officeDocument" Target="xl/workbook.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '</Relationships>'

export const workbookRelsXml =
  declaration +
  `<Relationships xmlns="${packageRels}">` +
  `<Relationship Id="rId1" Type="${officeRels}/worksheet" Target="worksheets/sheet1.xml"/>` +
  `<Relationship Id="rId2" Type="${officeRels}/styles" Target="styles.xml"/>` +
  '</Relationships>'

/** The workbook: one sheet, whose header row is repeated on every printed page. */
export function workbookXml(sheetName: string, headerRow: number): string {
  const quoted = `'${sheetName.replaceAll("'", "''")}'`
  return (
    declaration +
    `<workbook xmlns="${main}" xmlns:r="${officeRels}">` +
    `<sheets><sheet name="${xmlText(sheetName)}" sheetId="1" r:id="rId1"/></sheets>` +
    '<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">' +
    `${xmlText(quoted)}!$${headerRow}:$${headerRow}</definedName></definedNames>` +
    '</workbook>'
  )
}

const xf = (numFmtId: number, fontId: number): string =>
  `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"` +
  `${numFmtId === 0 ? '' : ' applyNumberFormat="1"'}${fontId === 0 ? '' : ' applyFont="1"'}/>`

const font = (extra: string, size: number): string =>
  `<font>${extra}<sz val="${size}"/><name val="Calibri"/><family val="2"/></font>`

/** Styles, in the order of {@link xlsxStyle}: dates as real dates, counts as whole numbers. */
export const stylesXml =
  declaration +
  `<styleSheet xmlns="${main}">` +
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>' +
  '<numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>' +
  `<fonts count="3">${font('', 11)}${font('<b/>', 11)}${font('<b/>', 13)}</fonts>` +
  '<fills count="2"><fill><patternFill patternType="none"/></fill>' +
  '<fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  `<cellXfs count="6">${xf(0, 0)}${xf(0, 1)}${xf(164, 0)}${xf(165, 0)}${xf(1, 0)}${xf(0, 2)}</cellXfs>` +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>'

/** Document properties: title, the requesting username as creator, generation time. */
export function coreXml(title: string, creator: string, createdAt: Date): string {
  const when = `${createdAt.toISOString().slice(0, 19)}Z`
  return (
    declaration +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(title)}</dc:title><dc:creator>${xmlText(creator)}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    '</cp:coreProperties>'
  )
}

// Characters XML 1.0 cannot carry at all; SpreadsheetML writes them as _xHHHH_.
// eslint-disable-next-line no-control-regex
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g
// A literal `_x0041_` in the data would be read back as `A` unless its `_` is escaped.
const escapeLike = /_(x[0-9A-Fa-f]{4}_)/g

/** Text for an element or attribute value. */
export function xmlText(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
}

/** Cell text: XML-escaped, with SpreadsheetML's escapes for what XML cannot carry. */
export function cellText(value: string): string {
  const escaped = value
    .replace(escapeLike, '_x005F_$1')
    .replace(forbidden, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
  return xmlText(escaped)
}
