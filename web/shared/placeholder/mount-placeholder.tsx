import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nProvider } from '../i18n/index.js'
import { PlaceholderApp, type PlaceholderAppName } from './placeholder-app.js'

/** Renders the placeholder of `app` into `#root`; the entry of each unbuilt app. */
export function mountPlaceholder(app: PlaceholderAppName): void {
  const root = document.getElementById('root')
  if (root === null) throw new Error(`${app}/index.html has no #root element`)
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <PlaceholderApp app={app} />
      </I18nProvider>
    </StrictMode>,
  )
}
