import { useState } from 'react'
import { useI18n } from '../shared/i18n/index.js'
import type { StaffUser } from '../shared/staff-auth.js'
import { Button, Icon, LanguagePicker } from '../shared/ui/index.js'
import { staffAuth } from './admin-api.js'
import './user-area.css'

/** Up to two initials for the avatar, taken from the display name. */
function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean)
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : [parts[0] ?? '?']
  return letters
    .map((part) => [...(part ?? '')][0] ?? '')
    .join('')
    .toUpperCase()
}

/** The header's end: language picker, who is signed in (name and role), and sign-out. */
export function UserArea({ user, onSignedOut }: { user: StaffUser; onSignedOut: () => void }) {
  const { t } = useI18n()
  const [signingOut, setSigningOut] = useState(false)

  async function signOut() {
    setSigningOut(true)
    // Signing out locally must work even when the server cannot be reached.
    await staffAuth.logout().catch(() => undefined)
    onSignedOut()
  }

  return (
    <>
      <LanguagePicker tone="dark" />
      <div
        className="user-chip"
        data-testid="current-user"
        aria-label={t('shell.userMenu')}
        role="group"
      >
        <span className="user-chip__avatar" aria-hidden="true">
          {initials(user.displayName)}
        </span>
        <span className="user-chip__text">
          <span className="user-chip__name" data-testid="current-user-name">
            {user.displayName}
          </span>
          <span className="user-chip__role" data-testid="current-user-role">
            {user.roles.join(' · ')}
          </span>
        </span>
      </div>
      <Button
        variant="ghost"
        className="sign-out"
        onClick={signOut}
        busy={signingOut}
        icon={<Icon name="logout" size={18} />}
        data-testid="logout"
      >
        <span className="sign-out__label">
          {signingOut ? t('shell.signingOut') : t('shell.logout')}
        </span>
      </Button>
    </>
  )
}
