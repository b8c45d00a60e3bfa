import type { HTMLAttributes, ReactNode } from 'react'
import './card.css'

/** Props of `Card`: a titled surface; the heading level follows the page outline. */
export interface CardProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  title?: ReactNode
  headingLevel?: 2 | 3
  /** Extra content aligned to the end of the title row (a badge, a small action). */
  actions?: ReactNode
}

/** A bordered surface that groups related content. */
export function Card({
  title,
  headingLevel = 2,
  actions,
  className,
  children,
  ...rest
}: CardProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <section {...rest} className={['card', className ?? ''].join(' ').trim()}>
      {title || actions ? (
        <header className="card__header">
          {title ? <Heading className="card__title">{title}</Heading> : null}
          {actions ? <div className="card__actions">{actions}</div> : null}
        </header>
      ) : null}
      <div className="card__body">{children}</div>
    </section>
  )
}
