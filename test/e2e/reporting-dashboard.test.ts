import { copyFile, mkdir, readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Backend } from '../../src/platform/db/index.js'
import { testBackends } from '../../src/platform/db/test-database.js'
import { startTestServer, testAdmin, type TestServer } from '../support/test-server.js'
import { launchBrowser, saveScreenshot } from './support/browser.js'
import {
  getEnvelope,
  seededPlace,
  seedReportingData,
  uploadPackets,
  type Extent,
} from './support/reporting-data.js'

type Row = Record<string, string | number | null>
type Headers = { authorization: string }

const docsImages = fileURLToPath(new URL('../../docs/images/', import.meta.url))

let server: TestServer
let admin: Headers
let extent: Extent
let browser: Browser
let context: BrowserContext
let page: Page
const failures: string[] = []

/** The range the dashboards start on: the last 30 days of data. */
function defaultRange(): { from: string; to: string } {
  const to = extent.lastDay ?? ''
  const earliest = new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000)
    .toISOString()
    .slice(0, 10)
  const from = extent.firstDay && extent.firstDay > earliest ? extent.firstDay : earliest
  return { from, to }
}

async function report(id: string, params: Record<string, string>): Promise<Row[]> {
  const query = new URLSearchParams(params).toString()
  const answer = await getEnvelope<Row[]>(server, admin, `/api/v1/reports/${id}?${query}`)
  expect(answer.status, `${id} ${query}`).toBe(200)
  return answer.response
}

/** A report as the page shows it: one object per table row, cells keyed by column. */
async function tableOf(id: string): Promise<Record<string, string>[]> {
  const table = page.getByTestId(`table-${id}`)
  await table.waitFor()
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows
        .map((row) =>
          Object.fromEntries(
            [...row.querySelectorAll('td[data-column]')].map((cell) => [
              cell.getAttribute('data-column') ?? '',
              (cell.textContent ?? '').trim(),
            ]),
          ),
        )
        .filter((row) => Object.keys(row).length > 0),
    )
}

/** The API's rows as the table writes them (numbers grouped as in en-US, null as a dash). */
function asShown(rows: readonly Row[]): Record<string, string>[] {
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([column, value]) => [
        column,
        value === null ? '—' : typeof value === 'number' ? value.toLocaleString('en-US') : value,
      ]),
    ),
  )
}

async function expectTable(id: string, params: Record<string, string>): Promise<number> {
  const expected = asShown(await report(id, params))
  await expect.poll(() => tableOf(id), { timeout: 30_000 }).toEqual(expected)
  return expected.length
}

async function number(testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? ''
  return Number(text.replace(/\D/g, ''))
}

/** Saves the page for the docs: test-output/screenshots and docs/images/reporting-<name>.png. */
async function screenshot(name: string): Promise<void> {
  // A full-page shot of a scrolled page would paint the sticky header mid-page.
  await page.evaluate('window.scrollTo(0, 0)')
  const path = await saveScreenshot(page, `reporting-${name}`)
  await mkdir(docsImages, { recursive: true })
  await copyFile(path, `${docsImages}reporting-${name}.png`)
}

async function download(reportId: string, format: 'csv' | 'pdf'): Promise<void> {
  const started = page.waitForEvent('download')
  await page.getByTestId(`export-${reportId}-${format}`).click()
  const file = await started
  expect(file.suggestedFilename()).toMatch(new RegExp(`^${reportId}_.*\\.${format}$`))
  const path = await file.path()
  const bytes = await readFile(path)
  if (format === 'pdf') expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
  else expect(bytes.toString('utf8').split('\n')[0]).toContain(',')
}

async function openTab(id: string): Promise<void> {
  await page.getByTestId(`tab-${id}`).click()
  await page.getByTestId(`${id}-dashboard`).waitFor()
  expect(new URL(page.url()).hash).toBe(`#/reports/${id}`)
  expect(await page.getByTestId(`tab-${id}`).getAttribute('aria-current')).toBe('page')
}

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

/** A server on `backend` with the seeded country, and a page signed in as the admin. */
async function start(backend: Backend): Promise<void> {
  failures.length = 0
  server = await startTestServer(backend)
  admin = await server.bearer()
  extent = await seedReportingData(server, admin)
  context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    acceptDownloads: true,
  })
  page = await context.newPage()
  page.on('pageerror', (error) => failures.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('status of 401'))
      failures.push(message.text())
  })
  await page.goto(`${server.url}/admin/`)
  await page.getByTestId('language-picker').first().selectOption('en')
  await page.getByTestId('login-username').fill(testAdmin.username)
  await page.getByTestId('login-password').fill(testAdmin.password)
  await page.getByTestId('login-submit').click()
  await page.getByTestId('welcome-card').waitFor()
}

describe.each(testBackends)('reporting dashboards on %s', (backend) => {
  beforeAll(() => start(backend), 300_000)
  afterAll(async () => {
    await context?.close()
    await server?.stop()
  })

  test('the overview follows registrations live while they are processed', async () => {
    await page.getByTestId('nav-reports').click()
    await page.getByTestId('overview-dashboard').waitFor()
    expect(new URL(page.url()).hash).toBe('#/reports')
    await expect.poll(() => page.getByTestId('live-indicator').textContent()).toContain('Live')
    const before = {
      today: await number('live-registrations-total'),
      recent: await page.getByTestId('recent-activity').locator('li').count(),
    }
    const officer = await server.staffBearer('officer1', ['REGISTRATION_OFFICER'])
    await uploadPackets(server, officer, await seededPlace(server), 3)

    // No reload: the numbers move as the server pushes snapshots.
    await expect
      .poll(() => number('live-registrations-total'), { timeout: 60_000 })
      .toBeGreaterThanOrEqual(before.today + 3)
    await expect
      .poll(() => page.getByTestId('recent-activity').locator('li').count(), { timeout: 60_000 })
      .toBeGreaterThan(before.recent)
    const snapshot = await getEnvelope<{ registrationsToday: { total: number } }>(
      server,
      admin,
      '/api/v1/reporting/live/snapshot',
    )
    await expect
      .poll(() => number('live-registrations-total'), { timeout: 30_000 })
      .toBe(snapshot.response.registrationsToday.total)
    await screenshot('overview')

    // The live counters converge to the lake's numbers for today (the lake is a poll behind).
    const live = await getEnvelope<{ day: string; registrationsToday: { total: number } }>(
      server,
      admin,
      '/api/v1/reporting/live/snapshot',
    )
    const lakeToday = async () =>
      (await report('registrations-by-center', { date: live.response.day })).reduce(
        (sum, row) => sum + Number(row.count),
        0,
      )
    await expect.poll(lakeToday, { timeout: 30_000 }).toBe(live.response.registrationsToday.total)
  }, 120_000)

  test('trends show the same numbers as the API, and export csv and pdf', async () => {
    await openTab('trends')
    const range = defaultRange()
    expect(await expectTable('registrations-per-day', range)).toBeGreaterThan(0)
    await expectTable('uin-updates', range)
    await expectTable('packet-processing-stats', { ...range, thresholdHours: '24' })
    await download('registrations-per-day', 'csv')
    await download('registrations-per-day', 'pdf')
    await screenshot('trends')

    // The center filter narrows every report of the page.
    const center = (await report('registrations-by-center', { date: range.to }))[0]
    expect(center).toBeDefined()
    const centerId = String(center?.center_id)
    await page.getByTestId('filter-center').selectOption(centerId)
    await expectTable('registrations-per-day', { ...range, center: centerId })
  }, 120_000)

  test('centers: a day per center, and a drill-down into one center’s rejections', async () => {
    await openTab('centers')
    const day = extent.lastDay ?? ''
    expect(await expectTable('registrations-by-center', { date: day })).toBeGreaterThan(0)
    const decisions = await report('center-approval-eod', { date: day })
    await expectTable('center-approval-eod', { date: day })
    // Drill into a center that rejected something that day, so the drill-down has rows.
    const center = String(
      (decisions.find((row) => Number(row.rejected) > 0) ?? decisions[0])?.center_id,
    )
    await page
      .getByTestId('table-center-approval-eod')
      .getByRole('button', { name: center, exact: true })
      .click()
    await expectTable('center-rejections', { ...defaultRange(), center })
    await download('center-rejections', 'csv')
    await screenshot('centers')
  }, 120_000)

  test('pipeline: the funnel by stage with the stuck packets of a day', async () => {
    await openTab('pipeline')
    const day = extent.lastDay ?? ''
    const stuck = await report('stuck-packets', { date: day, thresholdHours: '24' })
    await expectTable('stuck-packets', { date: day, thresholdHours: '24' })
    const shown = await page
      .getByTestId('pipeline-table')
      .locator('td[data-column="stuck"], td[data-column="failed"]')
      .allTextContents()
    expect(shown.reduce((sum, text) => sum + Number(text), 0)).toBe(stuck.length)
    await download('stuck-packets', 'pdf')
    await screenshot('pipeline')
  }, 120_000)

  test('rejections and failures: a center’s rejections, failed packets for the admin', async () => {
    await openTab('rejections')
    const range = defaultRange()
    const center = await page.getByTestId('filter-center').inputValue()
    expect(center).toMatch(/^\d{5}$/)
    await expectTable('center-rejections', { ...range, center })
    await expectTable('failed-packets', range)
    await download('failed-packets', 'csv')
    await screenshot('rejections')
  }, 120_000)

  test('on a phone in Arabic the dashboards are translated, mirrored and fit the width', async () => {
    // The picker is in the header, which a phone folds away: choose the language first.
    await page.getByTestId('language-picker').first().selectOption('ar')
    await page.locator('html[dir="rtl"]').waitFor({ state: 'attached' })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${server.url}/admin/#/reports/trends`)
    await page.getByTestId('trends-dashboard').waitFor()
    expect((await page.getByTestId('tab-trends').textContent())?.trim()).toBe('الاتجاهات')
    await page.getByTestId('table-registrations-per-day').waitFor()
    // Wide tables scroll inside their own region; the page itself never scrolls sideways.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390)
    await saveScreenshot(page, 'reporting-trends-ar-phone')
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.getByTestId('language-picker').first().selectOption('en')
    expect(failures).toEqual([])
  }, 120_000)
})
