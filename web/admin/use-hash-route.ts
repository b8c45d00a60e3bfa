import { useSyncExternalStore } from 'react'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

function currentSlug(): string {
  return window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? ''
}

/**
 * The first path segment after `#/` (`#/reports` → `reports`). Hash routing keeps the server
 * simple: every console URL is `/admin/`, whatever the section.
 */
export function useHashRoute(): string {
  return useSyncExternalStore(subscribe, currentSlug)
}
