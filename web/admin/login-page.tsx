import { useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { describeError } from '../shared/api.js'
import { useI18n } from '../shared/i18n/index.js'
import type { StaffUser } from '../shared/staff-auth.js'
import { Alert, Button, TextField } from '../shared/ui/index.js'
import { staffAuth } from './admin-api.js'
import { AuthLayout } from './auth-layout.js'

/** Why the login page is shown again, if there is something to say about it. */
export type LoginNotice = 'expired' | 'signed-out'

interface FieldErrors {
  username?: string
  password?: string
}

/** Staff sign-in: username and password, the server's error, disabled while it answers. */
export function LoginPage(props: {
  notice: LoginNotice | undefined
  onSignedIn: (user: StaffUser, password: string) => void
}) {
  const { t } = useI18n()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<unknown>(undefined)
  const [submitting, setSubmitting] = useState(false)
  // Remounts the error alert on every failure so a repeated message is announced again.
  const [attempt, setAttempt] = useState(0)
  const usernameRef = useRef<HTMLInputElement>(null)
  const passwordRef = useRef<HTMLInputElement>(null)

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (submitting) return
    const errors: FieldErrors = {}
    if (username.trim() === '') errors.username = t('login.usernameRequired')
    if (password === '') errors.password = t('login.passwordRequired')
    setFieldErrors(errors)
    setFailure(undefined)
    if (errors.username) return usernameRef.current?.focus()
    if (errors.password) return passwordRef.current?.focus()

    setSubmitting(true)
    try {
      const user = await staffAuth.login(username.trim(), password)
      props.onSignedIn(user, password)
    } catch (error) {
      setFailure(error)
      setAttempt((count) => count + 1)
      setPassword('')
      setSubmitting(false)
      passwordRef.current?.focus()
    }
  }

  return (
    <AuthLayout>
      <div className="auth-card">
        <h1 className="auth-card__title">{t('login.title')}</h1>
        <p className="auth-card__subtitle">{t('login.subtitle')}</p>

        {failure !== undefined ? (
          <Alert key={attempt} tone="danger" data-testid="login-error">
            {describeError(failure, t)}
          </Alert>
        ) : props.notice === 'expired' ? (
          <Alert tone="warning">{t('login.sessionExpired')}</Alert>
        ) : props.notice === 'signed-out' ? (
          <Alert tone="success" data-testid="signed-out-notice">
            {t('login.signedOut')}
          </Alert>
        ) : null}

        <form className="auth-card__form" onSubmit={onSubmit} noValidate data-testid="login-form">
          <TextField
            ref={usernameRef}
            label={t('login.username')}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            required
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            error={fieldErrors.username}
            readOnly={submitting}
            data-testid="login-username"
          />
          <TextField
            ref={passwordRef}
            label={t('login.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={fieldErrors.password}
            readOnly={submitting}
            data-testid="login-password"
          />
          <Button type="submit" size="lg" block busy={submitting} data-testid="login-submit">
            {submitting ? t('login.submitting') : t('login.submit')}
          </Button>
        </form>
        <p className="auth-card__notice">{t('login.notice')}</p>
      </div>
    </AuthLayout>
  )
}
