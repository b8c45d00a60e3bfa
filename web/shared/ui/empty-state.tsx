import type { ReactNode } from 'react'
import { Icon, type IconName } from './icons.js'
import './empty-state.css'

/** Props of `EmptyState`. */
export interface EmptyStateProps {
  icon?: IconName
  title: ReactNode
  children?: ReactNode
  action?: ReactNode
  'data-testid'?: string
}

/** What a page shows when it has nothing yet: an icon, a short title, what to expect. */
export function EmptyState({ icon = 'clock', title, children, action, ...rest }: EmptyStateProps) {
  return (
    <div className="empty-state" {...rest}>
      <div className="empty-state__icon">
        <Icon name={icon} size={28} />
      </div>
      <h2 className="empty-state__title">{title}</h2>
      {children ? <div className="empty-state__body">{children}</div> : null}
      {action ? <div className="empty-state__action">{action}</div> : null}
    </div>
  )
}
