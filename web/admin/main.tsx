import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nProvider } from '../shared/i18n/index.js'
import '../shared/ui/index.js'
import { AdminApp } from './admin-app.js'
import './admin.css'

const root = document.getElementById('root')
if (root === null) throw new Error('admin/index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <AdminApp />
    </I18nProvider>
  </StrictMode>,
)
