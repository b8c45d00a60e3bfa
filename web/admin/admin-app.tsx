import { useCallback, useEffect, useState } from 'react'
import { useI18n } from '../shared/i18n/index.js'
import { parseStaffGrant, type StaffUser } from '../shared/staff-auth.js'
import { Spinner } from '../shared/ui/index.js'
import { api, staffAuth } from './admin-api.js'
import { ChangePasswordPage } from './change-password-page.js'
import { Console } from './console.js'
import { LoginPage, type LoginNotice } from './login-page.js'

type Session =
  | { status: 'restoring' }
  | { status: 'signed-out'; notice: LoginNotice | undefined }
  | {
      status: 'signed-in'
      user: StaffUser
      password: string | undefined
      flash?: 'password-changed'
    }

/**
 * The admin console's top level: resumes a session from the refresh cookie, then shows the
 * login page, the forced password change, or the console.
 */
export function AdminApp() {
  const { t } = useI18n()
  const [session, setSession] = useState<Session>({ status: 'restoring' })

  useEffect(() => {
    let active = true
    staffAuth.restore().then(
      (user) => {
        if (!active) return
        setSession(user ? { status: 'signed-in', user, password: undefined } : signedOut())
      },
      () => active && setSession(signedOut()),
    )
    const stopExpired = api.onSessionExpired(() => setSession(signedOut('expired')))
    const stopRefreshed = api.onSessionRefreshed((grant) => {
      let user: StaffUser
      try {
        user = parseStaffGrant(grant).user
      } catch {
        return
      }
      setSession((current) => (current.status === 'signed-in' ? { ...current, user } : current))
    })
    return () => {
      active = false
      stopExpired()
      stopRefreshed()
    }
  }, [])

  const onSignedOut = useCallback((notice?: LoginNotice) => {
    // Forget the section: the next person to sign in starts at the overview.
    window.history.replaceState(null, '', window.location.pathname + window.location.search)
    setSession(signedOut(notice))
  }, [])

  useEffect(() => {
    if (session.status !== 'signed-in') document.title = `${t('login.title')} · Mosaic`
  }, [session.status, t])

  switch (session.status) {
    case 'restoring':
      return (
        <div className="app-loading">
          <Spinner size="lg" label={t('app.loading')} />
        </div>
      )
    case 'signed-out':
      return (
        <LoginPage
          notice={session.notice}
          onSignedIn={(user, password) =>
            // The password is kept (in memory) only to prove it again for a forced change.
            setSession({
              status: 'signed-in',
              user,
              password: user.mustChangePassword ? password : undefined,
            })
          }
        />
      )
    case 'signed-in':
      if (session.user.mustChangePassword) {
        return (
          <ChangePasswordPage
            username={session.user.username}
            currentPassword={session.password}
            onChanged={(updated) =>
              setSession({
                status: 'signed-in',
                user: { ...(updated ?? session.user), mustChangePassword: false },
                password: undefined,
                flash: 'password-changed',
              })
            }
            onSignedOut={() => onSignedOut('signed-out')}
          />
        )
      }
      return (
        <Console
          user={session.user}
          flash={session.flash}
          onSignedOut={() => onSignedOut('signed-out')}
        />
      )
  }
}

function signedOut(notice?: LoginNotice): Session {
  return { status: 'signed-out', notice }
}
