import type { ReactNode } from 'react'
import './alert.css'

/** Props of `Alert`. */
export interface AlertProps {
  tone?: 'info' | 'success' | 'warning' | 'danger'
  title?: ReactNode
  children: ReactNode
  'data-testid'?: string
}

const icons: Record<NonNullable<AlertProps['tone']>, ReactNode> = {
  info: <path d="M10 9v5M10 6v.5" />,
  success: <path d="m6.5 10.2 2.3 2.3 4.7-5" />,
  warning: <path d="M10 6v5M10 14v.5" />,
  danger: <path d="M10 6v5M10 14v.5" />,
}

/**
 * A message box. Danger and warning alerts are `role="alert"` (announced at once when shown);
 * info and success are `role="status"` (announced politely).
 */
export function Alert({ tone = 'info', title, children, ...rest }: AlertProps) {
  const urgent = tone === 'danger' || tone === 'warning'
  return (
    <div className={`alert alert--${tone}`} role={urgent ? 'alert' : 'status'} {...rest}>
      <svg className="alert__icon" viewBox="0 0 20 20" aria-hidden="true">
        <circle cx="10" cy="10" r="9" />
        <g fill="none" stroke="#fff" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          {icons[tone]}
        </g>
      </svg>
      <div className="alert__content">
        {title ? <p className="alert__title">{title}</p> : null}
        <div className="alert__body">{children}</div>
      </div>
    </div>
  )
}
