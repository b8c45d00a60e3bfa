import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser, saveScreenshot } from './support/browser.js'
import { startPlatform, type Platform } from './support/platform.js'

type Language = 'en' | 'fr' | 'ar'

// Written out here rather than imported from web/, so a mix-up in the dictionaries fails.
const labels: Record<
  Language,
  {
    title: string
    username: string
    password: string
    submit: string
    welcome: string
    overview: string
    registrations: string
    comingSoon: string
    logout: string
    signedOut: string
  }
> = {
  en: {
    title: 'Staff sign-in',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    welcome: 'Welcome,',
    overview: 'Overview',
    registrations: 'Registrations',
    comingSoon: 'Coming soon',
    logout: 'Sign out',
    signedOut: 'You have signed out.',
  },
  fr: {
    title: 'Connexion du personnel',
    username: 'Nom d’utilisateur',
    password: 'Mot de passe',
    submit: 'Se connecter',
    welcome: 'Bienvenue,',
    overview: 'Vue d’ensemble',
    registrations: 'Enregistrements',
    comingSoon: 'Bientôt disponible',
    logout: 'Se déconnecter',
    signedOut: 'Vous êtes déconnecté.',
  },
  ar: {
    title: 'تسجيل دخول الموظفين',
    username: 'اسم المستخدم',
    password: 'كلمة المرور',
    submit: 'تسجيل الدخول',
    welcome: 'مرحبًا،',
    overview: 'نظرة عامة',
    registrations: 'التسجيلات',
    comingSoon: 'قريبًا',
    logout: 'تسجيل الخروج',
    signedOut: 'لقد سجّلت الخروج.',
  },
}

let platform: Platform
let browser: Browser
let adminPassword: string

beforeAll(async () => {
  platform = await startPlatform()
  adminPassword = platform.adminPassword
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await platform?.stop()
})

interface Session {
  context: BrowserContext
  page: Page
  /** Uncaught errors and console errors (CSP violations among them) seen in the page. */
  failures: string[]
}

/** Collects uncaught errors and console errors (CSP violations among them) of a page. */
function watchFailures(page: Page): string[] {
  const failures: string[] = []
  page.on('pageerror', (error) => failures.push(error.message))
  page.on('console', (message) => {
    // The 401 of the silent session check on a signed-out load is expected.
    if (message.type() === 'error' && !message.text().includes('status of 401')) {
      failures.push(message.text())
    }
  })
  return failures
}

async function openAdmin(viewport = { width: 1280, height: 800 }): Promise<Session> {
  const context = await browser.newContext({ viewport, locale: 'en-US' })
  const page = await context.newPage()
  const failures = watchFailures(page)
  await page.goto(`${platform.baseUrl}/admin/`)
  await page.getByTestId('login-form').waitFor()
  return { context, page, failures }
}

async function leftEdge(locator: Locator): Promise<number> {
  const box = await locator.boundingBox()
  if (box === null) throw new Error('element is not laid out')
  return box.x
}

async function pickLanguage(page: Page, language: Language): Promise<void> {
  await page.getByTestId('language-picker').first().selectOption(language)
  await page.locator(`html[lang="${language}"]`).waitFor({ state: 'attached' })
}

async function signIn(page: Page, password: string): Promise<void> {
  await page.getByTestId('login-username').fill(platform.adminUsername)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
}

/**
 * Signs in as the admin and waits for the console. A platform whose admin starts with a
 * one-time password asks for a new one first; the test then chooses it and uses it from then on.
 */
async function signInToConsole(page: Page): Promise<void> {
  await signIn(page, adminPassword)
  const welcome = page.getByTestId('welcome-card')
  const change = page.getByTestId('change-password')
  await welcome.or(change).waitFor()
  if (await change.isVisible()) {
    adminPassword = `${adminPassword}-renewed-${Date.now()}`
    await page.getByTestId('new-password').fill(adminPassword)
    await page.getByTestId('confirm-password').fill(adminPassword)
    await page.getByTestId('change-password-submit').click()
  }
  await welcome.waitFor()
}

describe('admin console sign-in', () => {
  for (const language of ['en', 'fr', 'ar'] as const) {
    test(`in ${language}: sign in, see the console, navigate, sign out`, async () => {
      const text = labels[language]
      const { context, page, failures } = await openAdmin()

      await pickLanguage(page, language)
      const dir = await page.locator('html').getAttribute('dir')
      expect(dir).toBe(language === 'ar' ? 'rtl' : 'ltr')
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(text.title)
      await page.getByLabel(text.username, { exact: true }).waitFor()
      await page.getByLabel(text.password, { exact: true }).waitFor()
      expect((await page.getByTestId('login-submit').textContent())?.trim()).toBe(text.submit)
      await saveScreenshot(page, `admin-login-${language}`)

      // The chosen language travels to the API with every request.
      const loginRequest = page.waitForRequest((request) =>
        request.url().endsWith('/api/v1/auth/login'),
      )
      await signInToConsole(page)
      expect(await (await loginRequest).headerValue('accept-language')).toBe(language)

      const welcome = page.getByTestId('welcome-card')
      expect(await page.getByTestId('brand-name').textContent()).toBe('Mosaic')
      expect(await page.getByTestId('welcome-title').textContent()).toContain(text.welcome)
      expect((await page.getByTestId('current-user-name').textContent())?.trim()).not.toBe('')
      expect((await page.getByTestId('current-user-role').textContent())?.trim()).not.toBe('')
      expect(await page.getByTestId('welcome-roles').locator('li').count()).toBeGreaterThan(0)
      expect(await page.getByTestId('logout').textContent()).toContain(text.logout)

      const nav = page.getByTestId('side-nav')
      expect(await nav.getByRole('link').count()).toBe(11)
      expect(await page.getByTestId('nav-overview').getAttribute('aria-current')).toBe('page')
      expect((await page.getByTestId('nav-overview').textContent())?.trim()).toBe(text.overview)

      // Layout follows the reading direction: the navigation sits at the inline start.
      const navX = await leftEdge(nav)
      const mainX = await leftEdge(page.locator('main'))
      if (language === 'ar') {
        expect(navX).toBeGreaterThan(mainX)
        expect(await page.locator('[data-testid="side-nav"]:dir(rtl)').count()).toBe(1)
      } else {
        expect(navX).toBeLessThan(mainX)
      }
      await saveScreenshot(page, `admin-${language}`)

      // A reload keeps the session: the access token is in memory, the refresh cookie renews it.
      await page.reload()
      await welcome.waitFor()
      expect(await page.locator('html').getAttribute('lang')).toBe(language)

      await page.getByTestId('nav-registrations').click()
      await page.getByTestId('empty-state').waitFor()
      expect(new URL(page.url()).hash).toBe('#/registrations')
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(text.registrations)
      expect(await page.getByTestId('empty-state').textContent()).toContain(text.comingSoon)
      expect(await page.getByTestId('nav-registrations').getAttribute('aria-current')).toBe('page')
      await saveScreenshot(page, `admin-${language}-registrations`)
      // Focus moves to the new page's heading for keyboard and screen reader users.
      expect(await page.locator('h1:focus').count()).toBe(1)

      await page.getByTestId('logout').click()
      await page.getByTestId('login-form').waitFor()
      expect(await page.getByTestId('signed-out-notice').textContent()).toContain(text.signedOut)
      // Signed out for real: a reload does not bring the session back.
      await page.reload()
      await page.getByTestId('login-form').waitFor()
      expect(await page.getByTestId('welcome-card').count()).toBe(0)
      expect(failures).toEqual([])
      await context.close()
    })
  }

  test('a wrong password shows the server’s message and does not sign in', async () => {
    // Ask the server what it says, so the test holds whatever the exact wording is.
    const direct = await fetch(`${platform.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en' },
      body: JSON.stringify({ username: platform.adminUsername, password: 'not-the-password' }),
    })
    const envelope = (await direct.json()) as { errors?: { errorCode: string; message: string }[] }
    expect(direct.status).toBe(401)
    expect(envelope.errors?.[0]?.errorCode).toBe('KER-ATH-401')
    const serverMessage = envelope.errors?.[0]?.message ?? ''
    expect(serverMessage).not.toBe('')

    const { context, page, failures } = await openAdmin()
    await pickLanguage(page, 'en')
    await signIn(page, 'not-the-password')
    const error = page.getByTestId('login-error')
    await error.waitFor()
    expect((await error.textContent())?.trim()).toBe(serverMessage)
    expect(await error.getAttribute('role')).toBe('alert')
    expect(await page.getByTestId('welcome-card').count()).toBe(0)
    expect(await page.getByTestId('login-submit').isEnabled()).toBe(true)
    expect(await page.getByTestId('login-password').inputValue()).toBe('')
    expect(await page.getByTestId('login-username').inputValue()).toBe(platform.adminUsername)
    await saveScreenshot(page, 'admin-login-error')
    expect(failures).toEqual([])
    await context.close()
  })

  test('on a phone the navigation is a drawer, mirrored in Arabic', async () => {
    const { context, page, failures } = await openAdmin({ width: 390, height: 844 })
    await pickLanguage(page, 'ar')
    await saveScreenshot(page, 'admin-login-ar-phone')
    await signInToConsole(page)
    const nav = page.getByTestId('side-nav')
    expect(await nav.isVisible()).toBe(false)
    await saveScreenshot(page, 'admin-ar-phone')

    const toggle = page.getByRole('button', { name: 'فتح قائمة التنقل' })
    await toggle.click()
    await nav.waitFor({ state: 'visible' })
    // The drawer slides in from the inline start, which in Arabic is the right edge.
    await expect
      .poll(async () => {
        const box = await nav.boundingBox()
        return box === null ? 0 : Math.round(box.x + box.width)
      })
      .toBe(390)
    await saveScreenshot(page, 'admin-ar-phone-menu', { fullPage: false })

    await page.keyboard.press('Escape')
    await nav.waitFor({ state: 'hidden' })
    expect(await page.locator('[aria-controls="shell-nav"]:focus').count()).toBe(1)
    expect(failures).toEqual([])
    await context.close()
  })
})

describe('apps still to come', () => {
  const titles: Record<'resident' | 'register' | 'verify', Record<Language, string>> = {
    resident: { en: 'Resident portal', fr: 'Portail des résidents', ar: 'بوابة السكان' },
    register: { en: 'Registration', fr: 'Enregistrement', ar: 'التسجيل' },
    verify: {
      en: 'Verify an identity card',
      fr: 'Vérifier une carte d’identité',
      ar: 'التحقق من بطاقة هوية',
    },
  }

  for (const app of ['resident', 'register', 'verify'] as const) {
    test(`/${app}/ shows a branded placeholder in every language`, async () => {
      const context = await browser.newContext({ viewport: { width: 1024, height: 720 } })
      const page = await context.newPage()
      const failures = watchFailures(page)
      await page.goto(`${platform.baseUrl}/${app}/`)
      await page.getByTestId('placeholder').waitFor()
      for (const language of ['en', 'fr', 'ar'] as const) {
        await pickLanguage(page, language)
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
          titles[app][language],
        )
      }
      await saveScreenshot(page, `${app}-ar`)
      expect(failures).toEqual([])
      await context.close()
    })
  }
})
