import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'

/** Debian's Chromium; the tests never download a browser. */
export const chromiumPath = '/usr/bin/chromium'

/** Where screenshots land (gitignored). */
export const screenshotDir = fileURLToPath(
  new URL('../../../test-output/screenshots/', import.meta.url),
)

/** Launches headless Debian Chromium with everything that would reach the network turned off. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/**
 * Saves a PNG as `test-output/screenshots/<name>.png` (the whole page unless `fullPage` is
 * false, which suits overlays such as drawers); returns its path.
 */
export async function saveScreenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  await mkdir(screenshotDir, { recursive: true })
  const path = join(screenshotDir, `${name}.png`)
  await page.screenshot({ path, fullPage: options.fullPage ?? true })
  return path
}
