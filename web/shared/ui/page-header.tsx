import type { ReactNode, Ref } from 'react'
import './page-header.css'

/** Props of `PageHeader`. */
export interface PageHeaderProps {
  title: ReactNode
  description?: ReactNode
  /** Small text above the title, e.g. the section group. */
  eyebrow?: ReactNode
  actions?: ReactNode
  /** The `<h1>` is focusable from script so route changes can move focus to it. */
  titleRef?: Ref<HTMLHeadingElement>
}

/** The title block at the top of a page: one `<h1>`, a description and page actions. */
export function PageHeader({ title, description, eyebrow, actions, titleRef }: PageHeaderProps) {
  return (
    <header className="page-header">
      <div className="page-header__text">
        {eyebrow ? <p className="page-header__eyebrow">{eyebrow}</p> : null}
        <h1 className="page-header__title" ref={titleRef} tabIndex={-1}>
          {title}
        </h1>
        {description ? <p className="page-header__description">{description}</p> : null}
      </div>
      {actions ? <div className="page-header__actions">{actions}</div> : null}
    </header>
  )
}
