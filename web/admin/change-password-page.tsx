import { useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { describeError } from '../shared/api.js'
import { useI18n } from '../shared/i18n/index.js'
import type { StaffUser } from '../shared/staff-auth.js'
import { Alert, Button, TextField } from '../shared/ui/index.js'
import { staffAuth } from './admin-api.js'
import { AuthLayout } from './auth-layout.js'

/** The minimum password length the console asks for (the server enforces its own policy). */
export const minPasswordLength = 12

interface FieldErrors {
  current?: string
  next?: string
  confirm?: string
}

/**
 * The forced password change after a login that says `mustChangePassword`. The current
 * password is asked for only when it is not known (the session was resumed after a reload).
 */
export function ChangePasswordPage(props: {
  username: string
  currentPassword: string | undefined
  onChanged: (user: StaffUser | undefined) => void
  onSignedOut: () => void
}) {
  const { t } = useI18n()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [confirm, setConfirm] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<unknown>(undefined)
  const [attempt, setAttempt] = useState(0)
  const [submitting, setSubmitting] = useState(false)
  const refs = {
    current: useRef<HTMLInputElement>(null),
    next: useRef<HTMLInputElement>(null),
    confirm: useRef<HTMLInputElement>(null),
  }
  const askCurrent = props.currentPassword === undefined
  const min = minPasswordLength

  function validate(currentPassword: string): FieldErrors {
    const found: FieldErrors = {}
    if (currentPassword === '') found.current = t('password.currentRequired')
    if ([...next].length < min) found.next = t('password.tooShort', { min })
    else if (next === currentPassword) found.next = t('password.sameAsCurrent')
    if (!found.next && confirm !== next) found.confirm = t('password.mismatch')
    return found
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (submitting) return
    const currentPassword = props.currentPassword ?? current
    const found = validate(currentPassword)
    setErrors(found)
    setFailure(undefined)
    const firstInvalid = (['current', 'next', 'confirm'] as const).find((field) => found[field])
    if (firstInvalid) return refs[firstInvalid].current?.focus()

    setSubmitting(true)
    try {
      props.onChanged(await staffAuth.changePassword(currentPassword, next))
    } catch (error) {
      setFailure(error)
      setAttempt((count) => count + 1)
      setSubmitting(false)
    }
  }

  async function signOut() {
    await staffAuth.logout().catch(() => undefined)
    props.onSignedOut()
  }

  return (
    <AuthLayout>
      <div className="auth-card" data-testid="change-password">
        <h1 className="auth-card__title">{t('password.title')}</h1>
        <p className="auth-card__subtitle">{t('password.intro')}</p>
        {failure !== undefined ? (
          <Alert key={attempt} tone="danger" data-testid="change-password-error">
            {describeError(failure, t)}
          </Alert>
        ) : null}
        <form className="auth-card__form" onSubmit={onSubmit} noValidate>
          {/* Lets password managers file the new password under the right account. */}
          <input
            type="text"
            name="username"
            autoComplete="username"
            value={props.username}
            readOnly
            hidden
          />
          {askCurrent ? (
            <TextField
              ref={refs.current}
              label={t('password.current')}
              type="password"
              autoComplete="current-password"
              value={current}
              onChange={(event) => setCurrent(event.target.value)}
              error={errors.current}
              readOnly={submitting}
            />
          ) : null}
          <TextField
            ref={refs.next}
            label={t('password.new')}
            hint={t('password.hint', { min })}
            type="password"
            autoComplete="new-password"
            minLength={min}
            value={next}
            onChange={(event) => setNext(event.target.value)}
            error={errors.next}
            readOnly={submitting}
            data-testid="new-password"
          />
          <TextField
            ref={refs.confirm}
            label={t('password.confirm')}
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={(event) => setConfirm(event.target.value)}
            error={errors.confirm}
            readOnly={submitting}
            data-testid="confirm-password"
          />
          <Button
            type="submit"
            size="lg"
            block
            busy={submitting}
            data-testid="change-password-submit"
          >
            {submitting ? t('password.submitting') : t('password.submit')}
          </Button>
          <Button variant="ghost" block onClick={signOut} disabled={submitting}>
            {t('password.signOut')}
          </Button>
        </form>
      </div>
    </AuthLayout>
  )
}
