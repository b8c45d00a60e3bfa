import type { ButtonHTMLAttributes, ReactNode } from 'react'
import { Spinner } from './spinner.js'
import './button.css'

/** Props of `Button`: a native button plus look and a busy state. */
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'ghost' | 'danger'
  size?: 'sm' | 'md' | 'lg'
  /** Shows a spinner and disables the button while an action runs. */
  busy?: boolean
  /** A decorative icon placed before the label (after it in right-to-left languages). */
  icon?: ReactNode
  block?: boolean
}

/** The one button of the kit; defaults to `type="button"` so it never submits by accident. */
export function Button({
  variant = 'primary',
  size = 'md',
  busy = false,
  icon,
  block = false,
  type = 'button',
  disabled,
  className,
  children,
  ...rest
}: ButtonProps) {
  const classes = ['button', `button--${variant}`, `button--${size}`, block ? 'button--block' : '']
  if (className) classes.push(className)
  return (
    <button
      {...rest}
      type={type}
      className={classes.filter(Boolean).join(' ')}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
    >
      {busy ? <Spinner size="sm" /> : icon ? <span className="button__icon">{icon}</span> : null}
      <span className="button__label">{children}</span>
    </button>
  )
}
